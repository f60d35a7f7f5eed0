// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/util/ProcessTree.java @ jenkins-2.479.3 (behaviour ported for Linux; see docs/standins.md)
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Represents a snapshot of the process tree of the current system.
 *
 * <p>Only the killing entry points are mirrored: {@link #get()}, {@link #killAll(Map)} and
 * {@link #killAll(Process, Map)}. Behaviour is a port of upstream's {@code Linux} implementation
 * (reads {@code /proc/<pid>/status} and {@code /proc/<pid>/environ}; a kill sends SIGTERM via
 * {@link ProcessHandle#destroy()} children-first and waits up to {@code SoftKillWaitSeconds} (default 5)
 * for {@code /proc/<pid>/status} to disappear; with no {@code ProcessKiller} extensions, as outside
 * Jenkins, nothing stronger follows). On other operating systems the stand-in falls back to upstream's
 * {@code DEFAULT} tree: {@link #killAll(Process, Map)} only destroys the given process and
 * {@link #killAll(Map)} is a no-op (upstream has Windows/macOS/Solaris/AIX/FreeBSD implementations that are
 * not ported). Process-killing vetoes are not consulted (outside Jenkins there is no controller to ask).
 * The {@code OSProcess} API, iteration and the remote variant are not mirrored.
 */
public abstract class ProcessTree {
    /** pid to process, as of the snapshot. */
    final Map<Integer, OSProc> processes = new HashMap<>();

    final long softKillWaitSeconds = Integer.getInteger("SoftKillWaitSeconds", 5);

    private ProcessTree() {
    }

    /** Upstream: {@code public abstract OSProcess get(Process)}; not part of the mirrored API. */
    @CheckForNull
    abstract OSProc get(@NonNull Process proc);

    /**
     * Kills all the processes that have matching environment variables.
     *
     * <p>
     * In this method, the method is given a
     * "model environment variables", which is a list of environment variables
     * and their values that are characteristic to the launched process.
     * The implementation is expected to find processes
     * in the system that inherit these environment variables, and kill
     * them all. This is suitable for locating daemon processes
     * that cannot be tracked by the regular ancestor/descendant relationship.
     */
    public abstract void killAll(@NonNull Map<String, String> modelEnvVars) throws InterruptedException;

    /**
     * Convenience method that does {@link #killAll(Map)} and kills the given process with its descendants.
     *
     * Either of the parameter can be null.
     */
    public void killAll(@CheckForNull Process proc, @CheckForNull Map<String, String> modelEnvVars) throws InterruptedException {
        LOGGER.fine("killAll: process=" + proc + " and envs=" + modelEnvVars);

        if (proc != null) {
            OSProc p = get(proc);
            if (p != null) p.killRecursively();
        }

        if (modelEnvVars != null)
            killAll(modelEnvVars);
    }

    /** Port of upstream's {@code OSProcess} (the parts needed for killing). */
    abstract class OSProc {
        final int pid;

        OSProc(int pid) {
            this.pid = pid;
        }

        @CheckForNull
        abstract OSProc getParent();

        final List<OSProc> getChildren() {
            List<OSProc> r = new ArrayList<>();
            for (OSProc p : processes.values())
                if (p.getParent() == this)
                    r.add(p);
            return r;
        }

        abstract void killRecursively() throws InterruptedException;

        @NonNull
        abstract EnvVars getEnvironmentVariables();

        final boolean hasMatchingEnvVars(Map<String, String> modelEnvVar) {
            if (modelEnvVar.isEmpty())
                // sanity check so that we don't start rampage.
                return false;

            SortedMap<String, String> envs = getEnvironmentVariables();
            for (Map.Entry<String, String> e : modelEnvVar.entrySet()) {
                String v = envs.get(e.getKey());
                if (v == null || !v.equals(e.getValue()))
                    return false;   // no match
            }

            return true;
        }
    }

    /**
     * Gets the {@link ProcessTree} of the current system
     * that JVM runs in, or in the worst case return the default one
     * that's not capable of killing descendants at all.
     */
    public static ProcessTree get() {
        if (!enabled)
            return new Default();
        if (File.pathSeparatorChar == ';')
            return new Default(); // upstream: Windows implementation (not ported)
        String os = System.getProperty("os.name", "");
        if (os.equals("Linux"))
            return new Linux();
        return new Default(); // upstream: AIX, SunOS, Mac OS X, FreeBSD implementations (not ported)
    }

    /** Upstream's {@code DEFAULT}: cannot find descendants or scan environments. */
    private static final class Default extends ProcessTree {
        @Override
        OSProc get(@NonNull final Process proc) {
            return new OSProc(-1) {
                @Override
                OSProc getParent() {
                    return null;
                }

                @Override
                void killRecursively() {
                    // fall back to a single process killer
                    proc.destroy();
                }

                @Override
                EnvVars getEnvironmentVariables() {
                    return new EnvVars();
                }
            };
        }

        @Override
        public void killAll(@NonNull Map<String, String> modelEnvVars) {
            // no-op
        }
    }

    /** Port of upstream's {@code Linux extends ProcfsUnix extends Unix}. */
    private static final class Linux extends ProcessTree {
        Linux() {
            File[] processes = new File("/proc").listFiles(File::isDirectory);
            if (processes == null) {
                LOGGER.info("No /proc");
                return;
            }

            for (File p : processes) {
                int pid;
                try {
                    pid = Integer.parseInt(p.getName());
                } catch (NumberFormatException e) {
                    // other sub-directories
                    continue;
                }
                try {
                    this.processes.put(pid, new LinuxProcess(pid));
                } catch (IOException e) {
                    // perhaps the process status has changed since we obtained a directory listing
                }
            }
        }

        @Override
        OSProc get(@NonNull Process proc) {
            return processes.get(Math.toIntExact(proc.pid()));
        }

        @Override
        public void killAll(@NonNull Map<String, String> modelEnvVars) throws InterruptedException {
            for (OSProc p : new ArrayList<>(processes.values()))
                if (p.hasMatchingEnvVars(modelEnvVars))
                    p.killRecursively();
        }

        private final class LinuxProcess extends OSProc {
            private int ppid = -1;
            private EnvVars envVars;

            LinuxProcess(int pid) throws IOException {
                super(pid);

                try (BufferedReader r = Files.newBufferedReader(getFile("status").toPath(), StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        line = line.toLowerCase(Locale.ENGLISH);
                        if (line.startsWith("ppid:")) {
                            ppid = Integer.parseInt(line.substring(5).trim());
                            break;
                        }
                    }
                }
                if (ppid == -1)
                    throw new IOException("Failed to parse PPID from /proc/" + pid + "/status");
            }

            private File getFile(String relativePath) {
                return new File(new File("/proc/" + pid), relativePath);
            }

            @Override
            OSProc getParent() {
                return processes.get(ppid);
            }

            @Override
            synchronized EnvVars getEnvironmentVariables() {
                if (envVars != null)
                    return envVars;
                envVars = new EnvVars();
                try {
                    byte[] environ = Files.readAllBytes(getFile("environ").toPath());
                    int pos = 0;
                    for (int i = 0; i < environ.length; i++) {
                        byte b = environ[i];
                        if (b == 0) {
                            envVars.addLine(new String(environ, pos, i - pos, StandardCharsets.UTF_8));
                            pos = i + 1;
                        }
                    }
                } catch (IOException e) {
                    // failed to read. this can happen under normal circumstances (most notably permission denied)
                    // so don't report this as an error.
                }
                return envVars;
            }

            @Override
            void killRecursively() throws InterruptedException {
                // after sending SIGTERM, wait for the processes to cease to exist until the deadline
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Linux.this.softKillWaitSeconds);
                killRecursively(deadline);
            }

            private void killRecursively(long deadline) throws InterruptedException {
                LOGGER.fine("Recursively killing pid=" + pid);
                for (OSProc p : getChildren()) {
                    ((LinuxProcess) p).killRecursively(deadline);
                }
                kill(deadline);
            }

            private void kill(long deadline) throws InterruptedException {
                LOGGER.fine("Killing pid=" + pid);
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                // after sending SIGTERM, wait for the process to cease to exist
                int sleepTime = 10; // initially we sleep briefly, then sleep up to 1sec
                File status = getFile("status");
                do {
                    if (!status.exists()) {
                        break; // status is gone, process therefore as well
                    }

                    Thread.sleep(sleepTime);
                    sleepTime = Math.min(sleepTime * 2, 1000);
                } while (System.nanoTime() < deadline);
                // upstream: killByKiller(), i.e. ProcessKiller extensions; there are none outside Jenkins
            }
        }
    }

    /**
     * Flag to control this feature (upstream reads these via {@code SystemProperties}).
     */
    static boolean enabled = !Boolean.getBoolean("hudson.util.ProcessTreeKiller.disable")
            && !Boolean.getBoolean(ProcessTree.class.getName() + ".disable");

    private static final Logger LOGGER = Logger.getLogger(ProcessTree.class.getName());
}

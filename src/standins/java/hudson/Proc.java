// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/Proc.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import hudson.util.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * External process wrapper.
 *
 * <p>{@link LocalProc} is a port of upstream: same {@link ProcessBuilder} set-up (stderr merged into stdout
 * unless a separate stderr stream is given, a {@code HUDSON_COOKIE} added to the environment, stream copier
 * threads, the leaked-file-descriptor diagnosis in {@link #join()}), and it is destroyed through
 * {@link ProcessTree} (see there for the Linux-only descendant/cookie killing).
 * Omitted upstream members: the deprecated {@code RemoteProc} and the {@code ProcWithJenkins23271Patch} marker.
 */
public abstract class Proc {
    protected Proc() {}

    /**
     * Checks if the process is still alive.
     */
    public abstract boolean isAlive() throws IOException, InterruptedException;

    /**
     * Terminates the process.
     */
    public abstract void kill() throws IOException, InterruptedException;

    /**
     * Waits for the completion of the process.
     *
     * @return the exit code of the process.
     */
    public abstract int join() throws IOException, InterruptedException;

    /**
     * Returns an {@link InputStream} to read from {@code stdout} of the child process,
     * when {@link Launcher.ProcStarter#readStdout()} is used; otherwise null.
     */
    @CheckForNull
    public abstract InputStream getStdout();

    /**
     * Returns an {@link InputStream} to read from {@code stderr} of the child process,
     * when {@link Launcher.ProcStarter#readStderr()} is used; otherwise null.
     */
    @CheckForNull
    public abstract InputStream getStderr();

    /**
     * Returns an {@link OutputStream} to write to {@code stdin} of the child process,
     * when {@link Launcher.ProcStarter#writeStdin()} is used; otherwise null.
     */
    @CheckForNull
    public abstract OutputStream getStdin();

    private static final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "Proc.executor");
        t.setDaemon(true);
        return t;
    });

    /**
     * Like {@link #join} but can be given a maximum time to wait.
     * @param timeout number of time units
     * @param unit unit of time
     * @param listener place to send messages if there are problems, incl. timeout
     * @return exit code from the process
     * @throws IOException for the same reasons as {@link #join}
     * @throws InterruptedException for the same reasons as {@link #join}
     * @since 1.363
     */
    public final int joinWithTimeout(final long timeout, final TimeUnit unit,
            final TaskListener listener) throws IOException, InterruptedException {
        final CountDownLatch latch = new CountDownLatch(1);
        try {
            executor.submit(new Runnable() {
                @Override
                public void run() {
                    try {
                        if (!latch.await(timeout, unit)) {
                            listener.error("Timeout after " + timeout + " " +
                                    unit.toString().toLowerCase(Locale.ENGLISH));
                            kill();
                        }
                    } catch (InterruptedException | IOException | RuntimeException x) {
                        PrintWriter pw = listener.error("Failed to join a process");
                        x.printStackTrace(pw);
                        pw.flush();
                    }
                }
            });
            return join();
        } finally {
            latch.countDown();
        }
    }

    /**
     * Locally launched process.
     */
    public static final class LocalProc extends Proc {
        private final Process proc;
        private final Thread copier, copier2;
        private final OutputStream out;
        private final EnvVars cookie;
        private final String name;

        private final InputStream stdout, stderr;
        private final OutputStream stdin;

        public LocalProc(String[] cmd, Map<String, String> env, InputStream in, OutputStream out) throws IOException {
            this(cmd, Util.mapToEnv(env), in, out);
        }

        public LocalProc(String[] cmd, String[] env, OutputStream out, File workDir) throws IOException {
            this(cmd, env, null, out, workDir);
        }

        public LocalProc(String[] cmd, String[] env, InputStream in, OutputStream out) throws IOException {
            this(cmd, env, in, out, null);
        }

        public LocalProc(String[] cmd, String[] env, InputStream in, OutputStream out, File workDir) throws IOException {
            this(cmd, env, in, out, null, workDir);
        }

        /**
         * @param err
         *      null to redirect stderr to stdout.
         */
        public LocalProc(String[] cmd, String[] env, InputStream in, OutputStream out, OutputStream err, File workDir) throws IOException {
            this(calcName(cmd),
                  stderr(environment(new ProcessBuilder(cmd), env).directory(workDir), err == null || err == SELFPUMP_OUTPUT),
                  in, out, err);
        }

        private static ProcessBuilder stderr(ProcessBuilder pb, boolean redirectError) {
            if (redirectError)    pb.redirectErrorStream(true);
            return pb;
        }

        private static ProcessBuilder environment(ProcessBuilder pb, String[] env) {
            if (env != null) {
                Map<String, String> m = pb.environment();
                m.clear();
                for (String e : env) {
                    int idx = e.indexOf('=');
                    m.put(e.substring(0, idx), e.substring(idx + 1));
                }
            }
            return pb;
        }

        private LocalProc(String name, ProcessBuilder procBuilder, InputStream in, OutputStream out, OutputStream err) throws IOException {
            Logger.getLogger(Proc.class.getName()).log(Level.FINE, "Running: {0}", name);
            this.name = name;
            this.out = out;
            this.cookie = EnvVars.createCookie();
            procBuilder.environment().putAll(cookie);
            if (procBuilder.directory() != null && !procBuilder.directory().exists()) {
                throw new IOException(String.format("Process working directory '%s' doesn't exist!", procBuilder.directory().getAbsolutePath()));
            }
            this.proc = procBuilder.start();

            InputStream procInputStream = proc.getInputStream();
            if (out == SELFPUMP_OUTPUT) {
                stdout = procInputStream;
                copier = null;
            } else {
                copier = new StreamCopyThread(name + ": stdout copier", procInputStream, out);
                copier.start();
                stdout = null;
            }

            if (in == null) {
                // nothing to feed to stdin
                stdin = null;
                proc.getOutputStream().close();
            } else
            if (in == SELFPUMP_INPUT) {
                stdin = proc.getOutputStream();
            } else {
                new StdinCopyThread(name + ": stdin copier", in, proc.getOutputStream()).start();
                stdin = null;
            }

            InputStream procErrorStream = proc.getErrorStream();
            if (err != null) {
                if (err == SELFPUMP_OUTPUT) {
                    stderr = procErrorStream;
                    copier2 = null;
                } else {
                    stderr = null;
                    copier2 = new StreamCopyThread(name + ": stderr copier", procErrorStream, err);
                    copier2.start();
                }
            } else {
                if (procErrorStream != procInputStream) {
                    procErrorStream.close();
                }
                copier2 = null;
                stderr = null;
            }
        }

        @Override
        public InputStream getStdout() {
            return stdout;
        }

        @Override
        public InputStream getStderr() {
            return stderr;
        }

        @Override
        public OutputStream getStdin() {
            return stdin;
        }

        /**
         * Waits for the completion of the process; an interrupt kills the process (and its descendants).
         */
        @Override
        public int join() throws InterruptedException, IOException {
            // show what we are waiting for in the thread title
            Thread t = Thread.currentThread();
            String oldName = t.getName();
            if (SHOW_PID) {
                t.setName(oldName + " waiting for pid=" + proc.pid());
            }

            try {
                int r = proc.waitFor();
                // problems like leaked file descriptors show up as infinite wait in join(),
                // so do a timed wait here and try to diagnose the problem
                if (copier != null)   copier.join(TimeUnit.SECONDS.toMillis(10));
                if (copier2 != null)   copier2.join(TimeUnit.SECONDS.toMillis(10));
                if ((copier != null && copier.isAlive()) || (copier2 != null && copier2.isAlive())) {
                    // looks like handles are leaking.
                    String msg = "Process leaked file descriptors. See https://www.jenkins.io/redirect/troubleshooting/process-leaked-file-descriptors for more information";
                    Throwable e = new Exception().fillInStackTrace();
                    LOGGER.log(Level.WARNING, msg, e);
                    out.write(msg.getBytes(Charset.defaultCharset()));
                    out.write('\n');
                }
                return r;
            } catch (InterruptedException e) {
                // aborting. kill the process
                destroy();
                throw e;
            } finally {
                t.setName(oldName);
            }
        }

        @Override
        public boolean isAlive() throws IOException, InterruptedException {
            try {
                proc.exitValue();
                return false;
            } catch (IllegalThreadStateException e) {
                return true;
            }
        }

        @Override
        public void kill() throws InterruptedException, IOException {
            destroy();
            join();
        }

        /**
         * Destroys the child process without join.
         */
        private void destroy() throws InterruptedException {
            ProcessTree.get().killAll(proc, cookie);
        }

        /**
         * {@link Process#getOutputStream()} is buffered, so we need to eagerly flash
         * the stream to push bytes to the process.
         */
        private static class StdinCopyThread extends Thread {
            private final InputStream in;
            private final OutputStream out;

            StdinCopyThread(String threadName, InputStream in, OutputStream out) {
                super(threadName);
                this.in = in;
                this.out = out;
            }

            @Override
            public void run() {
                try {
                    try {
                        byte[] buf = new byte[8192];
                        int len;
                        while ((len = in.read(buf)) >= 0) {
                            out.write(buf, 0, len);
                            out.flush();
                        }
                    } finally {
                        in.close();
                        out.close();
                    }
                } catch (IOException e) {
                    // TODO: what to do?
                }
            }
        }

        /** Port of {@code hudson.util.StreamCopyThread} (closeOut=false). */
        private static class StreamCopyThread extends Thread {
            private final InputStream in;
            private final OutputStream out;

            StreamCopyThread(String threadName, InputStream in, OutputStream out) {
                super(threadName);
                this.in = in;
                if (out == null) {
                    throw new NullPointerException("out is null");
                }
                this.out = out;
            }

            @Override
            public void run() {
                try {
                    try {
                        byte[] buf = new byte[8192];
                        int len;
                        while ((len = in.read(buf)) >= 0)
                            out.write(buf, 0, len);
                    } finally {
                        in.close();
                        out.flush();
                    }
                } catch (IOException e) {
                    // TODO: what to do?
                }
            }
        }

        private static String calcName(String[] cmd) {
            return String.join(" ", cmd);
        }

        public static final InputStream SELFPUMP_INPUT = InputStream.nullInputStream();
        public static final OutputStream SELFPUMP_OUTPUT = OutputStream.nullOutputStream();
    }

    private static final Logger LOGGER = Logger.getLogger(Proc.class.getName());
    /**
     * Debug switch to have the thread display the process it's waiting for.
     */
    public static boolean SHOW_PID = true;
}

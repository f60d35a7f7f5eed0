package io.jenkins.plugins.rustcargo.jenkins;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.rustcargo.engine.BuildHost;
import io.jenkins.plugins.rustcargo.engine.HostTask;
import io.jenkins.plugins.rustcargo.engine.LineSplitter;
import io.jenkins.plugins.rustcargo.engine.ProcessSpec;
import io.jenkins.plugins.rustcargo.engine.RunningProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;

/**
 * The engine's {@link BuildHost} on a Jenkins agent: files through {@link FilePath}, processes
 * through {@link Launcher}, so buildctl runs on the agent next to the workspace and its output
 * streams back line by line.
 */
public final class AgentBuildHost implements BuildHost {
    private final VirtualChannel channel;
    private final FilePath tempRoot;
    private final Launcher launcher;

    /**
     * @param tempRoot an agent directory for the engine's short-lived files, e.g. the
     *     workspace's {@code @tmp} sibling
     */
    public AgentBuildHost(FilePath tempRoot, Launcher launcher) {
        this.channel = tempRoot.getChannel();
        this.tempRoot = tempRoot;
        this.launcher = launcher;
    }

    private FilePath path(String absolute) {
        return new FilePath(channel, absolute);
    }

    @Override
    public String createTempDir(String prefix) throws IOException, InterruptedException {
        tempRoot.mkdirs();
        return tempRoot.createTempDir(prefix, "").getRemote();
    }

    @Override
    public void writeFile(String path, byte[] content, boolean executable) throws IOException, InterruptedException {
        path(path).act(new WriteFile(content, executable));
    }

    @Override
    public boolean exists(String path) throws IOException, InterruptedException {
        return path(path).exists();
    }

    @Override
    public String readFile(String path) throws IOException, InterruptedException {
        FilePath f = path(path);
        return f.exists() ? f.readToString() : null;
    }

    @Override
    public void deleteRecursively(String path) throws IOException, InterruptedException {
        path(path).deleteRecursive();
    }

    @Override
    public <T extends java.io.Serializable> T run(HostTask<T> task) throws IOException, InterruptedException {
        return channel.call(new RunTask<>(task));
    }

    @Override
    public RunningProcess start(ProcessSpec spec) throws IOException {
        Map<String, String> env = new HashMap<>(spec.env());
        if (spec.outlivesBuild()) {
            // Jenkins kills every process carrying the build's cookie when the build or node {}
            // block ends; the persistent buildkitd must survive that.
            env.put("JENKINS_NODE_COOKIE", "rustcargo-buildkitd-" + UUID.randomUUID());
            env.put("BUILD_ID", "dontKillMe");
        }
        LineSplitter out = new LineSplitter(spec.stdout());
        LineSplitter err = new LineSplitter(spec.stderr());
        Proc proc = launcher.launch().cmds(spec.argv()).envs(env).stdout(out).stderr(err).quiet(true).start();
        return new AgentProcess(proc, out, err);
    }

    private static final class AgentProcess implements RunningProcess {
        private final Proc proc;
        private final LineSplitter out;
        private final LineSplitter err;

        AgentProcess(Proc proc, LineSplitter out, LineSplitter err) {
            this.proc = proc;
            this.out = out;
            this.err = err;
        }

        @Override
        public int waitFor() throws InterruptedException {
            try {
                return proc.join();
            } catch (IOException e) {
                return -1;
            } finally {
                out.close();
                err.close();
            }
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            try {
                while (proc.isAlive()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    Thread.sleep(Math.min(100, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                }
            } catch (IOException e) {
                return true;
            }
            waitFor();
            return true;
        }

        @Override
        public void terminate() {
            kill();
        }

        @Override
        public void kill() {
            try {
                proc.kill();
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Runs an engine {@link HostTask} on the agent. */
    private static final class RunTask<T extends java.io.Serializable> extends MasterToSlaveCallable<T, IOException> {
        private static final long serialVersionUID = 1L;
        private final HostTask<T> task;

        RunTask(HostTask<T> task) {
            this.task = task;
        }

        @Override
        public T call() throws IOException {
            return task.run();
        }
    }

    /** Writes a file on the agent, creating parent directories. */
    private static final class WriteFile extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final byte[] content;
        private final boolean executable;

        WriteFile(byte[] content, boolean executable) {
            this.content = content.clone();
            this.executable = executable;
        }

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            Files.createDirectories(f.getParentFile().toPath());
            // Write beside, then rename: concurrent builds may stage the same helper file.
            java.nio.file.Path partial = Files.createTempFile(f.getParentFile().toPath(), "." + f.getName(), ".partial");
            Files.write(partial, content);
            if (executable && !partial.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + f + " executable");
            }
            Files.move(partial, f.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return null;
        }
    }
}

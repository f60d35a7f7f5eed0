package io.jenkins.plugins.rustcargo.jenkins.agent;

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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
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
    private final boolean inAgentJvm;

    /**
     * @param tempRoot an agent directory for the engine's short-lived files, e.g. the
     *     workspace's {@code @tmp} sibling
     */
    public AgentBuildHost(FilePath tempRoot, Launcher launcher) {
        this(tempRoot, launcher, false);
    }

    private AgentBuildHost(FilePath tempRoot, Launcher launcher, boolean inAgentJvm) {
        this.channel = tempRoot.getChannel();
        this.tempRoot = tempRoot;
        this.launcher = launcher;
        this.inAgentJvm = inAgentJvm;
    }

    /**
     * For sweeps and cache listings, which no build's launcher decorates: buildctl runs in the
     * agent JVM ({@link AgentJvmProcess}), so its progress is thinned there and its lines come
     * back in batches.
     */
    public static AgentBuildHost forMaintenance(FilePath tempRoot, Launcher launcher) {
        return new AgentBuildHost(tempRoot, launcher, true);
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
        if (inAgentJvm && !spec.outlivesBuild() && channel != null) {
            AgentJvmProcess.Lines local = (out, err) -> {
                out.forEach(spec.stdout()::line);
                err.forEach(spec.stderr()::line);
            };
            AgentJvmProcess.Lines exported = channel.export(AgentJvmProcess.Lines.class, local);
            return new RemoteCall(channel.callAsync(new AgentJvmProcess(spec.argv(), spec.env(), exported)));
        }
        Map<String, String> env = environment(spec);
        LineSplitter out = new LineSplitter(spec.stdout());
        LineSplitter err = new LineSplitter(spec.stderr());
        Proc proc = launcher.launch().cmds(spec.argv()).envs(env).stdout(out).stderr(err).quiet(true).start();
        return new AgentProcess(proc, out, err);
    }

    /**
     * The environment a process is launched with. Jenkins kills every process carrying the
     * build's cookie when the build or {@code node {}} block ends; a process that must outlive the
     * build (the persistent buildkitd) gets a cookie of its own.
     */
    static Map<String, String> environment(ProcessSpec spec) {
        Map<String, String> env = new HashMap<>(spec.env());
        if (spec.outlivesBuild()) {
            env.put("JENKINS_NODE_COOKIE", "rustcargo-buildkitd-" + UUID.randomUUID());
            env.put("BUILD_ID", "dontKillMe");
        }
        return env;
    }

    /**
     * A process on the agent. Every question to a remote {@link Proc} is a round trip over the
     * channel, and the engine asks "done yet?" several times a second; so one thread makes the
     * single blocking {@code join()} call and every wait is answered on this side.
     */
    static final class AgentProcess implements RunningProcess {
        private final Proc proc;
        private final LineSplitter out;
        private final LineSplitter err;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        AgentProcess(Proc proc, LineSplitter out, LineSplitter err) {
            this.proc = proc;
            this.out = out;
            this.err = err;
            Thread joiner = new Thread(this::join, "rust-cargo join " + proc);
            joiner.setDaemon(true);
            joiner.start();
        }

        private void join() {
            int code;
            try {
                code = proc.join();
            } catch (IOException e) {
                code = -1;
            } catch (InterruptedException e) {
                code = -1;
                Thread.currentThread().interrupt();
            } finally {
                out.close();
                err.close();
            }
            exit.complete(code);
        }

        @Override
        public int waitFor() throws InterruptedException {
            try {
                return exit.get();
            } catch (ExecutionException e) {
                return -1;
            }
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            try {
                exit.get(timeout, unit);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return true;
            }
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

    /** An {@link AgentJvmProcess} in flight: waiting is one remote call, stopping cancels it. */
    static final class RemoteCall implements RunningProcess {
        private final Future<Integer> exit;

        RemoteCall(Future<Integer> exit) {
            this.exit = exit;
        }

        @Override
        public int waitFor() throws InterruptedException {
            try {
                return exit.get();
            } catch (ExecutionException | CancellationException e) {
                return -1;
            }
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            try {
                exit.get(timeout, unit);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException | CancellationException e) {
                return true;
            }
        }

        @Override
        public void terminate() {
            exit.cancel(true);
        }

        @Override
        public void kill() {
            exit.cancel(true);
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

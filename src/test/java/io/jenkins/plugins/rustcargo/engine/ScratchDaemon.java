package io.jenkins.plugins.rustcargo.engine;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A buildkitd of a test's own, on a unix socket, with the test image mirrored from the local
 * registry: for tests that need a differently configured daemon or may break one. Stopped by
 * pid and deleted on {@link #close()}.
 */
final class ScratchDaemon implements AutoCloseable {
    final Path state;
    final BuildkitAddress address;
    private final Map<String, String> env;

    private ScratchDaemon(Path state, Map<String, String> env) throws InvalidRequestException {
        this.state = state;
        this.address = BuildkitAddress.of("unix://" + state.resolve("buildkitd.sock"));
        this.env = env;
    }

    static ScratchDaemon start(String name, Map<String, String> env) throws Exception {
        ScratchDaemon d = new ScratchDaemon(Files.createTempDirectory("rcd-" + name + "-"), env);
        Files.writeString(d.state.resolve("buildkitd.toml"), "[registry.\"docker.io\"]\n  mirrors = [\""
                + System.getenv().getOrDefault("RUSTCARGO_REGISTRY_MIRROR", "127.0.0.1:5000") + "\"]\n");
        d.launch();
        return d;
    }

    /** Starts (or restarts) buildkitd on this state dir and waits until it answers. */
    void launch() throws Exception {
        ExtraDaemon.start(state, List.of("--addr", address.addr(), "--config", state.resolve("buildkitd.toml").toString()), env);
        DaemonLocator locator = new DaemonLocator(new LocalBuildHost(), new RecordingLog("scratch-probe"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String problem;
        while ((problem = locator.probe(address, RealBuildKit.hostEnv())) != null && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        if (problem != null) {
            throw new IllegalStateException("scratch buildkitd did not start: " + problem);
        }
    }

    /** SIGKILL, as a crash would: no cleanup by the daemon. */
    void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(state.resolve("buildkitd.pid")).trim());
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        h.destroyForcibly();
        h.onExit().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        ExtraDaemon.stop(state.resolve("buildkitd.pid"));
        // A crashed daemon leaves its containers' root file systems mounted under its state.
        List<String> mounts = Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" ")[1])
                .filter(m -> m.startsWith(state + "/")).sorted(java.util.Comparator.reverseOrder()).toList();
        for (String m : mounts) {
            new ProcessBuilder("umount", "-l", m).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
        ExtraDaemon.deleteState(state);
    }
}

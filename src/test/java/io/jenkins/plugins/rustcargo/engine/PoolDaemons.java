package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Extra buildkitd instances on unix sockets for the pool tests: started, restarted and stopped by pid. */
public final class PoolDaemons implements AutoCloseable {
    private final List<Path> states = new ArrayList<>();
    public final List<BuildkitAddress> addresses = new ArrayList<>();

    public PoolDaemons(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Path state = Files.createTempDirectory("rcd-pool-");
            Files.writeString(state.resolve("buildkitd.toml"), "[registry.\"docker.io\"]\n  mirrors = [\""
                    + System.getenv().getOrDefault("RUSTCARGO_REGISTRY_MIRROR", "127.0.0.1:5000") + "\"]\n");
            states.add(state);
            addresses.add(BuildkitAddress.of("unix://" + state.resolve("buildkitd.sock")));
            start(i);
        }
    }

    public void start(int i) throws Exception {
        Path state = states.get(i);
        ExtraDaemon.start(state, List.of("--addr", addresses.get(i).addr(), "--config", state.resolve("buildkitd.toml").toString()));
        DaemonLocator locator = new DaemonLocator(new LocalBuildHost(), new RecordingLog("probe"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String problem = locator.probe(addresses.get(i), RealBuildKit.hostEnv());
        while (problem != null && System.nanoTime() < deadline) {
            Thread.sleep(250);
            problem = locator.probe(addresses.get(i), RealBuildKit.hostEnv());
        }
        assertNull(problem, "extra buildkitd " + i + " answers");
    }

    public void stop(int i) throws Exception {
        ExtraDaemon.stop(states.get(i).resolve("buildkitd.pid"));
    }

    @Override
    public void close() throws Exception {
        for (Path state : states) {
            ExtraDaemon.stop(state.resolve("buildkitd.pid"));
            ExtraDaemon.deleteState(state);
        }
    }
}

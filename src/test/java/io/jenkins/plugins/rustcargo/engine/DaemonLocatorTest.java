package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link DaemonLocator#locateRunning}: the discovery of scheduled sweeps, which never starts a daemon. */
class DaemonLocatorTest {

    /** A host where nothing answers: every command fails at once and no file exists. */
    static final class DeadHost implements BuildHost {
        final List<List<String>> started = new ArrayList<>();

        @Override
        public String createTempDir(String prefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeFile(String path, byte[] content, boolean executable) {
            throw new AssertionError("locateRunning must not write " + path);
        }

        @Override
        public boolean exists(String path) {
            return false;
        }

        @Override
        public String readFile(String path) {
            return null;
        }

        @Override
        public void deleteRecursively(String path) {}

        @Override
        public RunningProcess start(ProcessSpec spec) {
            started.add(spec.argv());
            spec.stderr().line("connection refused");
            return new RunningProcess() {
                @Override
                public int waitFor() {
                    return 1;
                }

                @Override
                public boolean waitFor(long timeout, TimeUnit unit) {
                    return true;
                }

                @Override
                public void terminate() {}

                @Override
                public void kill() {}
            };
        }
    }

    private static final BuildLog QUIET = new BuildLog() {
        @Override
        public void output(String line) {}

        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    @Test
    void configuredAndEnvironmentAddressesAreTakenAsTheyAre() throws Exception {
        DeadHost host = new DeadHost();
        DaemonLocator locator = new DaemonLocator(host, QUIET);
        assertEquals(Optional.of(BuildkitAddress.of("tcp://bk:1234")), locator.locateRunning(BuildkitAddress.of("tcp://bk:1234"), Map.of()));
        assertEquals(Optional.of(BuildkitAddress.of("unix:///x.sock")),
                locator.locateRunning(null, Map.of("BUILDKIT_HOST", "unix:///x.sock")));
        assertEquals(List.of(), host.started, "no probe: the sweep reports an unreachable daemon itself");
    }

    @Test
    void withNothingRunningThereIsNoDaemonAndNoneIsStarted() throws Exception {
        DeadHost host = new DeadHost();
        Optional<BuildkitAddress> found = new DaemonLocator(host, QUIET).locateRunning(null, Map.of("HOME", "/home/agent"));
        assertTrue(found.isEmpty());
        assertEquals(1, host.started.size(), "only the default socket was probed");
        assertTrue(host.started.get(0).containsAll(List.of("--addr", BuildkitAddress.DEFAULT_SOCKET, "debug", "workers")));
        assertTrue(host.started.stream().flatMap(List::stream).noneMatch(a -> a.equals("buildkitd") || a.endsWith("/buildkitd")), "never starts buildkitd");
    }

    @Test
    void withoutHomeThereIsNoEmbeddedDaemonToFind() throws Exception {
        assertTrue(new DaemonLocator(new DeadHost(), QUIET).locateRunning(null, Map.of()).isEmpty());
    }
}

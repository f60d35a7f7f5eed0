package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DaemonLocator#locateRunning}: the discovery of scheduled sweeps, which never starts a daemon. */
class DaemonLocatorTest {

    @Test
    void configuredAndEnvironmentAddressesAreTakenAsTheyAre() throws Exception {
        FailingHost host = new FailingHost("connection refused", false);
        DaemonLocator locator = new DaemonLocator(host, BuildLog.DISCARD);
        assertEquals(Optional.of(BuildkitAddress.of("tcp://bk:1234")), locator.locateRunning(BuildkitAddress.of("tcp://bk:1234"), Map.of()));
        assertEquals(Optional.of(BuildkitAddress.of("unix:///x.sock")),
                locator.locateRunning(null, Map.of("BUILDKIT_HOST", "unix:///x.sock")));
        assertEquals(List.of(), host.argvs(), "no probe: the sweep reports an unreachable daemon itself");
    }

    @Test
    void withNothingRunningThereIsNoDaemonAndNoneIsStarted() throws Exception {
        FailingHost host = new FailingHost("connection refused", false);
        Optional<BuildkitAddress> found = new DaemonLocator(host, BuildLog.DISCARD).locateRunning(null, Map.of("HOME", "/home/agent"));
        assertTrue(found.isEmpty());
        assertEquals(1, host.argvs().size(), "only the default socket was probed");
        assertTrue(host.argvs().get(0).containsAll(List.of("--addr", BuildkitAddress.DEFAULT_SOCKET, "debug", "workers")));
        assertTrue(host.argvs().stream().flatMap(List::stream).noneMatch(a -> a.equals("buildkitd") || a.endsWith("/buildkitd")), "never starts buildkitd");
    }

    @Test
    void withoutHomeThereIsNoEmbeddedDaemonToFind() throws Exception {
        assertTrue(new DaemonLocator(new FailingHost("connection refused", false), BuildLog.DISCARD).locateRunning(null, Map.of()).isEmpty());
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded daemon is started as a process that outlives the build, so a Jenkins agent
 * (AgentBuildHost) gives it its own JENKINS_NODE_COOKIE and {@code node {}} does not reap it.
 */
class EmbeddedDaemonStartTest {
    @Test
    void theStartScriptOutlivesTheBuild() {
        FailingHost host = new FailingHost(null, true);
        EmbeddedDaemon daemon = new EmbeddedDaemon(host, BuildLog.DISCARD, Map.of("RUSTCARGO_STATE_DIR", "/state"));
        assertThrows(DaemonUnavailableException.class, daemon::ensureRunning);
        ProcessSpec start = host.started.stream().filter(s -> s.argv().contains("rustcargo-start-buildkitd")).findFirst().orElseThrow();
        assertTrue(start.outlivesBuild(), "the daemon's start script is marked as outliving the build");
        assertEquals(List.of(), host.started.stream().filter(s -> s != start && s.outlivesBuild()).toList(),
                "probes and other short commands are ordinary build processes");
    }
}

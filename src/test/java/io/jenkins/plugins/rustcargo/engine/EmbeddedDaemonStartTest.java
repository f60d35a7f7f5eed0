package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded daemon is started as a process that outlives the build, so a Jenkins agent
 * (AgentBuildHost) gives it its own JENKINS_NODE_COOKIE and {@code node {}} does not reap it.
 */
class EmbeddedDaemonStartTest {
    /** A host where nothing runs yet; it records what it is asked to start and fails every process. */
    private static final class RecordingHost implements BuildHost {
        final List<ProcessSpec> started = new ArrayList<>();

        @Override
        public String createTempDir(String prefix) {
            return "/tmp/" + prefix;
        }

        @Override
        public void writeFile(String path, byte[] content, boolean executable) {}

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
            started.add(spec);
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

    @Test
    void theStartScriptOutlivesTheBuild() {
        RecordingHost host = new RecordingHost();
        EmbeddedDaemon daemon = new EmbeddedDaemon(host, new BuildLog() {
            @Override
            public void output(String line) {}

            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}
        }, Map.of("RUSTCARGO_STATE_DIR", "/state"));
        assertThrows(DaemonUnavailableException.class, daemon::ensureRunning);
        ProcessSpec start = host.started.stream().filter(s -> s.argv().contains("rustcargo-start-buildkitd")).findFirst().orElseThrow();
        assertTrue(start.outlivesBuild(), "the daemon's start script is marked as outliving the build");
        assertEquals(List.of(), host.started.stream().filter(s -> s != start && s.outlivesBuild()).toList(),
                "probes and other short commands are ordinary build processes");
    }
}

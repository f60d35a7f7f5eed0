package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour 10: with no address configured and nothing listening on the default socket, the
 * engine starts a persistent buildkitd with its own state directory, records its pid, and the
 * next run reuses it.
 */
class EmbeddedDaemonIT {
    private Path state;

    @Test
    void startsOnceAndIsReusedAcrossRuns() throws Exception {
        assertFalse(Files.exists(Path.of("/run/buildkit/buildkitd.sock")), "this test needs the default socket to be free");
        state = Files.createTempDirectory("rcd-");
        Map<String, String> env = RealBuildKit.hostEnv();
        env.remove("BUILDKIT_HOST");
        env.put("RUSTCARGO_STATE_DIR", state.toString());
        Path ws = RealBuildKit.workspace("tiny");

        RecordingLog first = new RecordingLog("embedded-1");
        RealBuildKit.engine(first).run(RealBuildKit.request(ws, "embedded").hostEnv(env).args("build -p tiny-core").build());
        assertTrue(first.contains("info", "started the embedded BuildKit daemon at unix://" + state + "/buildkitd.sock"),
                first.texts("info").toString());
        long pid = Long.parseLong(Files.readString(state.resolve("buildkitd.pid")).trim());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the daemon keeps running");

        RecordingLog second = new RecordingLog("embedded-2");
        RunSummary again = RealBuildKit.engine(second).run(RealBuildKit.request(ws, "embedded").hostEnv(env)
                .args("build -p tiny-core").build()).summary();
        assertFalse(second.contains("info", "started the embedded"), "the running daemon was reused");
        assertEquals(pid, Long.parseLong(Files.readString(state.resolve("buildkitd.pid")).trim()));
        assertEquals(0, again.compiled(), "its state (the target cache) survived between runs");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (state != null) {
            ExtraDaemon.stop(state.resolve("buildkitd.pid"));
            ExtraDaemon.deleteState(state);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import org.junit.jupiter.api.Test;

class ProgressDecoderTest {
    private final RecordingLog recorded = new RecordingLog("decoder");
    private final ProgressDecoder decoder = new ProgressDecoder(recorded);

    private static String log(String vertex, int stream, String text) {
        return "{\"logs\":[{\"vertex\":\"" + vertex + "\",\"stream\":" + stream + ",\"data\":\""
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\",\"timestamp\":\"2026-11-27T10:00:00Z\"}]}";
    }

    @Test
    void cargoLinesStreamEvenWhenSplitAcrossChunks() {
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:run\",\"name\":\"[build 3/3] RUN --mount=... [\\\"/opt/rustcargo/rustcargo-helper\\\",\\\"run\\\"]\",\"started\":\"2026-11-27T10:00:00Z\"}]}");
        decoder.acceptLine(log("sha256:run", 2, "   Compiling it"));
        assertTrue(recorded.texts("output").isEmpty(), "no partial lines");
        decoder.acceptLine(log("sha256:run", 2, "oa v1.0.0\n    Finished `dev` profile\n"));
        assertEquals(List.of("   Compiling itoa v1.0.0", "    Finished `dev` profile"), recorded.texts("output"));
    }

    @Test
    void helperEventsFeedTheSummaryAndLockWait() {
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:run\",\"name\":\"RUN [\\\"/opt/rustcargo/rustcargo-helper\\\",\\\"run\\\"]\",\"started\":\"2026-11-27T10:00:00Z\"}]}");
        decoder.acceptLine(log("sha256:run", 2, "::rustcargo:: {\"event\":\"start\",\"time_ms\":"
                + java.time.Instant.parse("2026-11-27T10:00:04.5Z").toEpochMilli() + "}\n"));
        decoder.acceptLine(log("sha256:run", 2, "::rustcargo:: {\"event\":\"warning\",\"message\":\"no file matched\"}\n"
                + "::rustcargo:: {\"event\":\"summary\",\"exit_code\":101,\"compiled\":3,\"fresh\":2}\n"));
        assertEquals(4500, decoder.lockWaitMillis());
        assertEquals(List.of("no file matched"), recorded.texts("warn"));
        assertEquals(101L, decoder.summaryEvent().get("exit_code"));
        assertTrue(recorded.texts("output").isEmpty(), "events are not shown as cargo output");
    }

    @Test
    void eventLinesOnCargosStreamAreOutput() {
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:run\",\"name\":\"RUN rustcargo-helper\",\"started\":\"2026-11-27T10:00:00Z\"}]}");
        String forged = "::rustcargo:: {\"event\":\"warning\",\"message\":\"forged\"}";
        decoder.acceptLine(log("sha256:run", 1, forged + "\n"));
        assertEquals(List.of(forged), recorded.texts("output"));
        assertTrue(recorded.texts("warn").isEmpty());
    }

    @Test
    void exitCodeAndErrorsAreRecoveredFromPlainText() {
        decoder.acceptLine("error: failed to solve: process \"/opt/rustcargo/rustcargo-helper run\" did not complete successfully: exit code: 101");
        assertEquals(101, decoder.failedExitCode());
        assertEquals("process \"/opt/rustcargo/rustcargo-helper run\" did not complete successfully: exit code: 101",
                BuildkitErrors.summary(decoder.allErrors()));
    }

    @Test
    void condensesContextUploadAndImageResolution() {
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:ctx\",\"name\":\"[internal] load build context\",\"started\":\"2026-11-27T10:00:00Z\"}],"
                + "\"statuses\":[{\"id\":\"transferring context:\",\"vertex\":\"sha256:ctx\",\"current\":2097152}]}");
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:ctx\",\"name\":\"[internal] load build context\",\"started\":\"2026-11-27T10:00:00Z\",\"completed\":\"2026-11-27T10:00:00.300Z\"}]}");
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:meta\",\"name\":\"[internal] load metadata for docker.io/library/rust:1-bookworm\",\"started\":\"2026-11-27T10:00:00Z\",\"completed\":\"2026-11-27T10:00:01Z\"}]}");
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:run\",\"name\":\"RUN [\\\"/opt/rustcargo/rustcargo-helper\\\",\\\"run\\\"]\",\"started\":\"2026-11-27T10:00:02Z\"}]}");
        assertEquals(List.of("image docker.io/library/rust:1-bookworm resolved in 1.0s", "context uploaded: 2.0 MiB in 0.3s"), recorded.texts("info"));
    }

    @Test
    void fetchStepLinesAreShownAndLockWaitCountsOnlyTheRunStep() {
        String fetch = "{\"digest\":\"sha256:fetch\",\"name\":\"RUN [\\\"/opt/rustcargo/rustcargo-helper\\\",\\\"fetch\\\"]\"";
        String run = "{\"digest\":\"sha256:run\",\"name\":\"RUN --network=none [\\\"/opt/rustcargo/rustcargo-helper\\\",\\\"run\\\"]\"";
        decoder.acceptLine("{\"vertexes\":[" + fetch + ",\"started\":\"2026-11-27T10:00:00Z\"}," + run + "}]}");
        decoder.acceptLine(log("sha256:fetch", 1, "  Downloaded itoa v1.0.0\n"));
        decoder.acceptLine("{\"vertexes\":[" + fetch + ",\"started\":\"2026-11-27T10:00:00Z\",\"completed\":\"2026-11-27T10:00:03Z\"}]}");
        decoder.acceptLine("{\"vertexes\":[" + run + ",\"started\":\"2026-11-27T10:00:03Z\"}]}");
        // Events travel on the helper's stderr (stream 2), cargo's lines on stdout (stream 1).
        decoder.acceptLine(log("sha256:run", 2, "::rustcargo:: {\"event\":\"start\",\"time_ms\":"
                + java.time.Instant.parse("2026-11-27T10:00:03.5Z").toEpochMilli() + "}\n"));
        decoder.acceptLine(log("sha256:run", 1, "   Compiling x\n"));
        assertEquals(List.of("  Downloaded itoa v1.0.0", "   Compiling x"), recorded.texts("output"));
        assertEquals(500, decoder.lockWaitMillis(), "the fetch step's three seconds are not a lock wait");
    }

    @Test
    void aFailedImageResolutionIsAnErrorNeverResolved() {
        assertFalse(decoder.heardFromDaemon());
        decoder.acceptLine("{\"vertexes\":[{\"digest\":\"sha256:meta\",\"name\":\"[internal] load metadata for 127.0.0.1:5000/nope:1\","
                + "\"started\":\"2026-11-27T10:00:00Z\",\"completed\":\"2026-11-27T10:00:00.100Z\",\"error\":\"127.0.0.1:5000/nope:1: not found\"}]}");
        assertTrue(decoder.heardFromDaemon(), "any status proves the daemon answers");
        assertEquals("127.0.0.1:5000/nope:1: not found", decoder.imageError());
        assertEquals(List.of(), recorded.texts("info"), "no 'resolved' line");
    }
}

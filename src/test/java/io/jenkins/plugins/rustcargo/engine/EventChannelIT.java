package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 5: the tool's own events have a channel no program output can pose on, and no
 * log limit loses the result (the summary is exported as a file).
 */
class EventChannelIT {
    private static final String X_LINE = "x".repeat(1023);

    @Test
    void aProgramPrintingEventLinesIsShownAsOutputNotAsTheTool() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        RecordingLog log = new RecordingLog("forge");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("forge"))
                .args("run -- forge").build()).summary();
        assertFalse(log.contains("warn", "forged"), "a forged event became the tool's warning: " + log.texts("warn"));
        assertTrue(log.contains("output", "::rustcargo:: {\"event\":\"warning\",\"message\":\"forged warning\"}"),
                "the forged line is shown as program output");
        assertTrue(log.contains("output", "::rustcargo:: {\"event\":\"summary\",\"exit_code\":0,\"compiled\":999}"));
        assertTrue(s.compiled() > 0 && s.compiled() < 999, "the real summary counts: " + s.compiled());
    }

    @Test
    void aClippedLogLosesNeitherTheResultNorTheOutputs() throws Exception {
        // The daemon's default size limit (2 MiB) clips in the same way, only later: everything after
        // the limit is dropped, the helper's events included.
        try (ScratchDaemon d = ScratchDaemon.start("clip",
                Map.of("BUILDKIT_STEP_LOG_MAX_SIZE", "262144", "BUILDKIT_STEP_LOG_MAX_SPEED", "-1"))) {
            Path ws = RealBuildKit.workspace("hostile");
            RecordingLog log = new RecordingLog("clip");
            RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, "clip").daemon(d.address)
                    .args("run --release -- flood 3").output("release/[^/.]+").requireOutput(true).build()).summary();
            assertEquals(0, s.exitCode());
            assertEquals(List.of("release/hostile"), s.outputs().stream().map(RunSummary.ExportedFile::path).toList());
            assertTrue(s.compiled() > 0 && s.targetBytes() > 0, "the summary, sweep included, came through: " + s);
            long lines = log.texts("output").stream().filter(X_LINE::equals).count();
            assertTrue(lines < 3 * 1024, "the log really was clipped (" + lines + " lines arrived)");
            assertTrue(log.contains("output", "log limit 256KiB reached"), "clipped by size, events after it lost too");
        }
    }

    @Test
    void theLimitsScriptsEnvSetupSetsLetTheWholeLogThrough() throws Exception {
        try (ScratchDaemon d = ScratchDaemon.start("nolimit", EmbeddedDaemon.STEP_LOG_LIMITS)) {
            Path ws = RealBuildKit.workspace("hostile");
            RecordingLog log = new RecordingLog("nolimit");
            RealBuildKit.engine(log).run(RealBuildKit.request(ws, "nolimit").daemon(d.address)
                    .args("run --release -- flood 3").build());
            assertEquals(3 * 1024, log.texts("output").stream().filter(X_LINE::equals).count());
        }
    }
}

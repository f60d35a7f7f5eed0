package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour 3: outputs selected by a full-path regex are exported into the workspace. */
class OutputsIT {

    @Test
    void matchingFilesAreExportedWithTheirRelativePathsAndRun() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("outputs");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("outputs"))
                .args("build --release").output("release/[^/.]+").requireOutput(true).build()).summary();
        Path binary = ws.resolve("target/release/tiny-app");
        assertTrue(Files.isExecutable(binary), "exported binary exists and is executable");
        assertEquals(List.of("release/tiny-app"), s.outputs().stream().map(RunSummary.ExportedFile::path).toList(),
                "only top-level release files without extension: no deps/, no .d files");
        assertFalse(Files.exists(ws.resolve("target/release/deps")));
        assertEquals(Files.getOwner(ws), Files.getOwner(binary), "owned by the invoking user");
        Process p = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("value=7 dash-at=Some(4)\n", out);
    }

    @Test
    void noMatchWarnsAndRequireOutputFails() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("nomatch");
        RecordingLog log = new RecordingLog("nomatch");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).args("build")
                .output("release/nothing-here").build()).summary();
        assertTrue(s.outputs().isEmpty());
        assertTrue(log.contains("warn", "release/nothing-here"), "the warning names the pattern: " + log.texts("warn"));

        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(new RecordingLog("require"))
                .run(RealBuildKit.request(ws, ns).args("build").output("release/nothing-here").requireOutput(true).build()));
        assertTrue(e.getMessage().contains("no file matching output pattern 'release/nothing-here'"), e.getMessage());
    }
}

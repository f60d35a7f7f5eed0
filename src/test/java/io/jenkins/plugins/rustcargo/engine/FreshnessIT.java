package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Behaviour 4: a source whose content changed while its mtime went backwards is never served
 * from a stale artifact, in either freshness mode; unchanged content with a new mtime (a fresh
 * checkout) stays fresh.
 */
class FreshnessIT {

    @Test
    void manifestModeRebuildsChangedContentWithOlderMtime() throws Exception {
        assertRebuildsDespiteOlderMtime(true);
    }

    @Test
    void fingerprintModeRebuildsChangedContentWithOlderMtime() throws Exception {
        assertRebuildsDespiteOlderMtime(false);
    }

    private static void assertRebuildsDespiteOlderMtime(boolean keepFingerprints) throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("fresh");
        assertEquals("value=7", run(ws, ns, keepFingerprints));

        Path lib = ws.resolve("tiny-core/src/lib.rs");
        FileTime before = Files.getLastModifiedTime(lib);
        Files.writeString(lib, Files.readString(lib).replace("format!(\"value={}\"", "format!(\"VALUE={}\""));
        Files.setLastModifiedTime(lib, FileTime.from(before.toInstant().minus(1, ChronoUnit.DAYS)));

        assertEquals("VALUE=7", run(ws, ns, keepFingerprints), "new content is compiled, not the stale artifact");
    }

    @Test
    void unchangedContentWithNewMtimeStaysFresh() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("checkout");
        run(ws, ns, true);
        try (var files = Files.walk(ws)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
            }
        }
        RunSummary again = RealBuildKit.engine(new RecordingLog("touched")).run(RealBuildKit.request(ws, ns)
                .args("build -p tiny-app").build()).summary();
        assertEquals(0, again.compiled(), "same content as the cached build, so nothing recompiles: " + again);
    }

    private static String run(Path ws, String ns, boolean keepFingerprints) throws Exception {
        RecordingLog log = new RecordingLog("fresh-" + keepFingerprints);
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).keepFingerprints(keepFingerprints)
                .args("run -q -p tiny-app").build());
        String line = log.texts("output").stream().filter(l -> l.contains("dash-at")).findFirst()
                .orElseThrow(() -> new AssertionError(log.texts("output").toString()));
        assertTrue(line.endsWith(" dash-at=Some(4)"));
        return line.substring(0, line.indexOf(' '));
    }
}

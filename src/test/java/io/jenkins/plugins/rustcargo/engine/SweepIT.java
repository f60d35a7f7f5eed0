package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Behaviour 5: after each build the target cache is trimmed by age and by size, never removing
 * what the build used, and the freed bytes are reported.
 */
class SweepIT {

    @Test
    void ageAndSizeRulesDropOnlyUnitsTheBuildDidNotUse() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("sweep");
        build(ws, ns, SweepPolicy.NONE);

        pinItoa(ws, "1.0.10");
        RunSummary aged = build(ws, ns, new SweepPolicy(0, -1));
        assertTrue(aged.compiled() >= 1, "the new itoa was compiled: " + aged);
        assertTrue(aged.sweptUnits() >= 1 && aged.sweptBytes() > 0, "the old itoa's units went: " + aged);
        RunSummary after = build(ws, ns, SweepPolicy.NONE);
        assertEquals(0, after.compiled(), "nothing the build used was removed: " + after);

        pinItoa(ws, "1.0.11");
        RunSummary sized = build(ws, ns, new SweepPolicy(-1, 1));
        assertTrue(sized.sweptBytes() > 0, "over the size limit, least recently used units go: " + sized);
        assertTrue(sized.targetBytes() > 0, "units the build used are kept even over the limit");
        assertEquals(0, build(ws, ns, SweepPolicy.NONE).compiled());
    }

    private static RunSummary build(Path ws, String ns, SweepPolicy policy) throws Exception {
        return RealBuildKit.engine(new RecordingLog("sweep")).run(RealBuildKit.request(ws, ns).sweep(policy)
                .args("build -p tiny-app").build()).summary();
    }

    /** Changes one dependency in Cargo.lock, as a dependency bump in a pull request would. */
    static void pinItoa(Path ws, String version) throws Exception {
        Process p = new ProcessBuilder("cargo", "update", "-p", "itoa", "--precise", version).directory(ws.toFile())
                .inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "cargo update on the host");
    }
}

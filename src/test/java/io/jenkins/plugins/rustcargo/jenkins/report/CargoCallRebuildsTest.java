package io.jenkins.plugins.rustcargo.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class CargoCallRebuildsTest {

    private static RunSummary summary(RunSummary.Rebuilds rebuilds) {
        return new RunSummary("build", "key", "id", 0, 1000, 0, 900, 10, 2, 2, 0, List.of(), List.of(), 0, 0, 0,
                "unix:///d", rebuilds);
    }

    @Test
    void theReportKeepsTheLineAndEachUnitsReason() {
        CargoCall c = CargoCall.of(summary(new RunSummary.Rebuilds("2 rebuilt: source changed in tiny-core; 1 dependent",
                List.of(new RunSummary.RebuiltUnit("tiny-app", "tiny-app", "dependency rebuilt", ""),
                        new RunSummary.RebuiltUnit("tiny-core", "tiny_core", "source changed", "tiny-core/src/lib.rs"),
                        new RunSummary.RebuiltUnit("tiny-core", "build-script-build", "build script inputs changed", "")))),
                "build");
        assertEquals("2 rebuilt: source changed in tiny-core; 1 dependent", c.getRebuilds());
        assertEquals(List.of("tiny-app: dependency rebuilt", "tiny-core: source changed tiny-core/src/lib.rs",
                "tiny-core (build-script-build): build script inputs changed"),
                c.getRebuiltUnits());
    }

    @Test
    void nothingCompiledMeansNoReasons() {
        CargoCall c = CargoCall.of(summary(null), null);
        assertNull(c.getRebuilds());
        assertTrue(c.getRebuiltUnits().isEmpty());
    }
}

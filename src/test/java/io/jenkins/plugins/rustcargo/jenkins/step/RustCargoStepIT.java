package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.jenkins.report.CargoCall;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The step end to end without Jenkins: the step's own logic ({@link StepRunner}, which
 * {@link RustCargoStepExecution} hands the step context to) into the real engine and the real
 * buildkitd that scripts/env/setup started. The Jenkins glue itself runs in -Pjenkins's
 * RustCargoStepPipelineIT.
 */
class RustCargoStepIT {
    private static final String JOB = "rustcargo-it/step-" + UUID.randomUUID().toString().substring(0, 8);
    private static Path workspace;

    @BeforeAll
    static void copyWorkspace() throws Exception {
        workspace = RealBuildKit.workspace("tiny");
    }

    private static StepHarness harness() {
        Map<String, String> env = RealBuildKit.hostEnv();
        env.put("STAGE_NAME", "Build");
        return new StepHarness(workspace, JOB, env);
    }

    private static RustCargoStep step(String args) {
        RustCargoStep step = new RustCargoStep(args);
        step.setImage(RealBuildKit.image());
        return step;
    }

    @Test
    void runsCargoAndReportsTheCall() throws Throwable {
        StepHarness h = harness();
        assertNull(h.run(step("run -q -p tiny-app"), 15), "without returnStatus the step returns nothing");
        assertTrue(h.console().lines().anyMatch(l -> l.startsWith("value=7")), h.console());
        assertTrue(h.console().contains("[rust-cargo] cargo run -q -p tiny-app  [target cache " + CacheKey.derive(JOB, "Build")),
                "the derived key is the job's and the stage's");
        CargoCall call = h.calls().get(0);
        assertEquals("cargo run -q -p tiny-app", call.getCommand());
        assertEquals("Build", call.getStage());
        assertEquals(0, call.getExitCode());
        assertTrue(call.getCompiled() + call.getFresh() > 0, "cargo's units were counted");
        assertTrue(call.getWallMillis() > 0);
    }

    @Test
    void aFailingTestAbortsWithOneLineAndIsStillReported() throws Throwable {
        StepHarness h = harness();
        AbortException e = assertThrows(AbortException.class, () -> h.run(step("test -p tiny-core --features fail"), 15));
        assertEquals("cargo test failed (exit code 101)", e.getMessage());
        assertTrue(h.console().contains("this test fails on purpose"), h.console());
        assertEquals(101, h.calls().get(0).getExitCode());
    }

    @Test
    void returnStatusHandsBackCargosExitCode() throws Throwable {
        StepHarness h = harness();
        RustCargoStep failing = step("test -p tiny-core --features fail");
        failing.setReturnStatus(true);
        assertEquals(101, h.run(failing, 15));
        RustCargoStep passing = step("test -p tiny-core");
        passing.setReturnStatus(true);
        assertEquals(0, h.run(passing, 15));
        assertEquals(2, h.calls().size());
    }

    @Test
    void insideAnsiColorCargosOwnColoursReachTheConsoleAndTheCountsStay() throws Throwable {
        Map<String, String> env = RealBuildKit.hostEnv();
        env.put("STAGE_NAME", "Colour");
        env.put("TERM", "xterm"); // what ansiColor('xterm') sets for the steps it wraps
        env.remove("CARGO_TERM_COLOR");
        StepHarness h = new StepHarness(workspace, JOB, env);
        h.run(step("build -p tiny-app"), 15);
        assertTrue(h.console().contains("\u001b["), "ANSI escapes from cargo: " + h.console());
        CargoCall call = h.calls().get(0);
        assertEquals(0, call.getExitCode());
        assertTrue(call.getCompiled() + call.getFresh() > 0, "units are still counted from coloured output");
    }
}

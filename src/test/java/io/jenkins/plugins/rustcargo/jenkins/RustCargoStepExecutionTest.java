package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures the step reports before any build starts: one line, as an AbortException (no stack
 * trace in the console), even with returnStatus.
 */
class RustCargoStepExecutionTest {
    @Test
    void invalidParametersAbortWithTheEngineMessage(@TempDir Path ws) throws Exception {
        Files.writeString(ws.resolve("Cargo.toml"), "[workspace]\n");
        RustCargoStep step = new RustCargoStep("build");
        step.setOutput("release/(?<=x)y");
        step.setReturnStatus(true);
        AbortException e = assertThrows(AbortException.class, () -> new StepHarness(ws, "app", Map.of()).run(step, 1));
        assertEquals("output pattern 'release/(?<=x)y' is not a valid regex (invalid named capture: `(?<=x)y`: lookbehind,"
                + " which RE2 does not support); example: 'release/[^/.]+'", e.getMessage());
    }

    @Test
    void aStoppedBuildkitContainerAbortsBeforeBuilding(@TempDir Path ws) throws Exception {
        Files.writeString(ws.resolve("Cargo.toml"), "[workspace]\n");
        RustCargoStep step = new RustCargoStep("build");
        step.setAddr("docker-container://buildkitd");
        String dockerHost = "unix://" + ws.resolve("docker.sock");
        StepHarness harness = new StepHarness(ws, "app", Map.of("DOCKER_HOST", dockerHost));
        AbortException e = assertThrows(AbortException.class, () -> harness.run(step, 1));
        assertTrue(e.getMessage().startsWith("BuildKit container buildkitd is not running on DOCKER_HOST=" + dockerHost), e.getMessage());
        assertTrue(e.getMessage().endsWith("start it with: docker run -d --name buildkitd --privileged moby/buildkit:v0.32.2"));
        assertNull(harness.report(), "nothing ran, nothing to report");
    }

    @Test
    void aMissingCargoTomlIsOneLine(@TempDir Path ws) {
        RustCargoStep step = new RustCargoStep("build");
        step.setDir("nested");
        StepHarness harness = new StepHarness(ws, "app", Map.of("BUILDKIT_HOST", "unix://" + ws.resolve("nothing.sock")));
        AbortException e = assertThrows(AbortException.class, () -> harness.run(step, 1));
        assertEquals("no Cargo.toml in " + ws.resolve("nested") + ": run rustCargo in a cargo workspace (or pass -C DIR / dir)", e.getMessage());
    }
}

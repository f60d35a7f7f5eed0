package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void anUnreachableDockerIsNotedAndTheDaemonsOwnErrorDecides(@TempDir Path ws) throws Exception {
        Files.writeString(ws.resolve("Cargo.toml"), "[workspace]\n");
        RustCargoStep step = new RustCargoStep("build");
        step.setAddr("docker-container://buildkitd");
        String dockerHost = "unix://" + ws.resolve("docker.sock");
        StepHarness harness = new StepHarness(ws, "app", Map.of("DOCKER_HOST", dockerHost));
        // Whatever buildctl then says (no buildctl, no daemon), it is not the preflight's verdict.
        Throwable e = assertThrows(Exception.class, () -> harness.run(step, 1));
        assertTrue(harness.console().contains("[rust-cargo] could not check BuildKit container buildkitd on DOCKER_HOST=" + dockerHost),
                harness.console());
        assertFalse(e.getMessage().startsWith("BuildKit container buildkitd is not running"), e.getMessage());
        assertEquals(List.of(), harness.calls(), "nothing ran, nothing to report");
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

package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.jenkins.report.CargoCall;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.TokenRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Item 10 of issue 11, step side: a registry token from Jenkins credentials, bound by
 * {@code withCredentials} (here: the variable in the step's environment, as the binding leaves
 * it) and named in {@code secretEnv}, reaches cargo as a BuildKit secret and rests nowhere: not in
 * the console, the log file, the build report, nor under the daemon's state directory.
 */
class RegistryCredentialsStepIT {
    private static final String TOKEN_VAR = "CARGO_REGISTRIES_TESTREG_TOKEN";

    @Test
    void aBoundRegistryTokenReachesCargoOnlyAsASecret() throws Throwable {
        String token = "cred-" + UUID.randomUUID();
        try (TokenRegistry registry = new TokenRegistry("marker-" + UUID.randomUUID())) {
            Path ws = registry.workspace();
            Map<String, String> env = RealBuildKit.hostEnv();
            env.put(TOKEN_VAR, token);
            StepHarness h = new StepHarness(ws, "rustcargo-it/cred-" + UUID.randomUUID().toString().substring(0, 8), env);
            RustCargoStep step = new RustCargoStep("run");
            step.setImage(RealBuildKit.image());
            step.setSecretEnv(List.of(TOKEN_VAR));
            step.setLogFile("cargo.log");
            h.run(step, 15);

            assertTrue(h.console().contains("value=42"), h.console());
            assertFalse(registry.authorizations.isEmpty());
            assertTrue(registry.authorizations.stream().allMatch(token::equals), "cargo authenticated with the bound token");
            assertFalse(h.console().contains(token), "console");
            assertFalse(Files.readString(ws.resolve("cargo.log")).contains(token), "log file");
            StringBuilder report = new StringBuilder();
            for (CargoCall call : h.calls()) {
                for (java.lang.reflect.Method getter : CargoCall.class.getMethods()) {
                    if (getter.getName().startsWith("get") && getter.getParameterCount() == 0) {
                        report.append(getter.invoke(call)).append('|');
                    }
                }
            }
            assertTrue(report.toString().contains("cargo run"), report.toString());
            assertFalse(report.toString().contains(token), "build report (every property of every call)");
            assertEquals(List.of(), TokenRegistry.grep(token, TokenRegistry.daemonRoot()), "daemon state and every cache");
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: no --secret-env value rests in any cache after a build. The hostile fixture
 * declares {@code rerun-if-env-changed=RC_SECRET} (cargo records the value in the fingerprint)
 * and reads {@code option_env!("RC_SECRET")} (into dep-info and the compiled code).
 */
class SecretsAtRestIT {
    private static final String GREP = "n=$(find /workspace/target -type f | wc -l); echo \"target files: $n\"; "
            + "grep -rlF -- \"$PROBE_VALUE\" /workspace/target /opt/rustcargo-cargo-home | sed 's/^/holds: /'; "
            + "grep -rlF -- hostile /workspace/target | head -1 | sed 's/^/control: /'";

    @Test
    void noSecretValueRemainsInTheTargetCacheOrCargoHome() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        String ns = RealBuildKit.freshNamespace("secrets");
        String secret = "rc-" + UUID.randomUUID();
        Map<String, String> env = RealBuildKit.hostEnv();
        env.put("RC_SECRET", secret);
        for (int run = 1; run <= 2; run++) {
            RecordingLog log = new RecordingLog("secrets-" + run);
            RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).hostEnv(env).secretEnv("RC_SECRET")
                    .args("run").build()).summary();
            assertTrue(log.contains("output", "secret length: " + secret.length()),
                    "the program was compiled with the secret (run " + run + "): " + log.texts("output"));
            String probe = CacheProbe.run(ns, s.targetCacheId(), secret, GREP, env);
            assertTrue(probe.contains("control: /workspace/target/"), "the probe sees the cache: " + probe);
            assertTrue(!probe.contains("target files: 0"), probe);
            assertTrue(!probe.contains("holds: "), "a cache still holds the secret after run " + run + ":\n" + probe);
        }
    }

    @Test
    void cargoLoginIsRefusedBeforeAnything() {
        for (String args : new String[] {"login", "+stable login --registry x", "logout"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RealBuildKit.request(
                    RealBuildKit.workspace("hostile"), "ns").args(args).build());
            assertTrue(e.getMessage().contains("CARGO_HOME cache that every build of the namespace shares"), e.getMessage());
        }
        assertEquals("build", CargoEngine.subcommand(java.util.List.of("build", "login")));
    }
}

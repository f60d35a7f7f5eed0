package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import io.jenkins.plugins.rustcargo.testing.TokenRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Item 10 of issue 11, engine side: a registry token reaches cargo only as a BuildKit secret (the
 * authenticated registry on loopback sees it), and afterwards it is nowhere: not in the console,
 * the log file, the summary, the exported outputs, nor anywhere under the daemon's state
 * directory, which holds every cache mount, snapshot and metadata database.
 */
class RegistryTokenIT {
    static final String TOKEN_VAR = "CARGO_REGISTRIES_TESTREG_TOKEN";

    @Test
    void theTokenReachesCargoAndRestsNowhere() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        String marker = "marker-" + UUID.randomUUID();
        try (TokenRegistry registry = new TokenRegistry(marker)) {
            Path ws = registry.workspace();
            Path logFile = Files.createTempFile("rustcargo-it-token-", ".log");
            Map<String, String> env = new HashMap<>(RealBuildKit.hostEnv());
            env.put(TOKEN_VAR, token);

            RecordingLog console = new RecordingLog("token");
            RunSummary summary = RealBuildKit.engine(console).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("token"))
                    .hostEnv(env).secretEnv(TOKEN_VAR).output("debug/tokapp").logFile(logFile.toString())
                    .args("run").build()).summary();

            assertTrue(console.texts("output").contains("value=42"), "built and ran against the registry's crate: " + console.lines());
            assertFalse(registry.authorizations.isEmpty(), "cargo fetched from the authenticated registry");
            assertTrue(registry.authorizations.stream().allMatch(token::equals), "with the token as its credential");

            assertFalse(console.lines().stream().anyMatch(l -> l.text().contains(token)), "console");
            assertFalse(Files.readString(logFile).contains(token), "log file");
            assertFalse(summary.toString().contains(token), "summary");
            byte[] exported = Files.readAllBytes(ws.resolve("target/debug/tokapp"));
            assertFalse(new String(exported, StandardCharsets.ISO_8859_1).contains(token), "exported binary");

            Path root = TokenRegistry.daemonRoot();
            assertFalse(TokenRegistry.grep(marker, root).isEmpty(),
                    "positive control: the grep sees the cache mounts (the crate source is in CARGO_HOME)");
            assertEquals(List.of(), TokenRegistry.grep(token, root), "no file under the daemon's state holds the token");
        }
    }
}

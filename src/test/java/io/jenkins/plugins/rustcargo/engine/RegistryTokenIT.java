package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
            Path ws = Files.createTempDirectory("rustcargo-it-token-");
            Files.writeString(ws.resolve("Cargo.toml"), "[package]\nname = \"tokapp\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                    + "[dependencies]\ntokdep = { version = \"0.1\", registry = \"testreg\" }\n");
            Files.createDirectories(ws.resolve("src"));
            Files.writeString(ws.resolve("src/main.rs"), "fn main() { println!(\"value={}\", tokdep::value()); }\n");
            Files.createDirectories(ws.resolve(".cargo"));
            Files.writeString(ws.resolve(".cargo/config.toml"), "[registry]\nglobal-credential-providers = [\"cargo:token\"]\n"
                    + "[registries.testreg]\nindex = \"" + registry.index() + "\"\n");
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

            Path root = daemonRoot();
            assertEquals(List.of(), grep(marker, root).isEmpty() ? List.of("marker not found") : List.of(),
                    "positive control: the grep sees the cache mounts (the crate source is in CARGO_HOME)");
            assertEquals(List.of(), grep(token, root), "no file under the daemon's state holds the token");
        }
    }

    /** The shared daemon's --root, from its pid file next to its socket (scripts/env/setup). */
    static Path daemonRoot() throws IOException {
        String host = RealBuildKit.hostEnv().get("BUILDKIT_HOST");
        Path pidFile = Paths.get(host.replaceFirst("^unix://", "")).resolveSibling("buildkitd.pid");
        String pid = Files.readString(pidFile).trim();
        List<String> argv = List.of(new String(Files.readAllBytes(Paths.get("/proc", pid, "cmdline")), StandardCharsets.UTF_8)
                .split("\0"));
        return Paths.get(argv.get(argv.indexOf("--root") + 1));
    }

    /** Files under {@code dir} containing {@code text}; devices, sockets and links are not followed. */
    static List<String> grep(String text, Path dir) throws Exception {
        Process p = new ProcessBuilder("grep", "-rlsF", "-D", "skip", "--", text, dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "grep finished");
        String files = new String(out, StandardCharsets.UTF_8).strip();
        return files.isEmpty() ? List.of() : List.of(files.split("\n"));
    }
}

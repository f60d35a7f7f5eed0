package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.Json;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's default key (issue 13 item 3) and its "why it rebuilt" line and JSON (item 5). */
class CliRebuildsIT {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        err.reset();
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), RealBuildKit.hostEnv());
    }

    private String lastLine() {
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    private Map<String, Object> build(Path ws, String ns) throws Exception {
        Path summary = ws.resolve("summary.json");
        assertEquals(0, run("-C", ws.toString(), "--image", RealBuildKit.image(), "--namespace", ns,
                "--summary-json", summary.toString(), "--", "build", "-p", "tiny-app"), err.toString(StandardCharsets.UTF_8));
        return Json.parseObject(Files.readString(summary));
    }

    @Test
    void sameNamedWorkspacesGetTwoCachesAndASourceChangeSaysWhy() throws Exception {
        String ns = RealBuildKit.freshNamespace("cli-why");
        Path parent = Files.createTempDirectory("rustcargo-it-cli-why-");
        Path a = Files.createDirectories(parent.resolve("a/demo"));
        Path b = Files.createDirectories(parent.resolve("b/demo"));
        RealBuildKit.copyTree(Path.of("src/test/resources/workspaces/tiny").toAbsolutePath(), a);
        RealBuildKit.copyTree(Path.of("src/test/resources/workspaces/tiny").toAbsolutePath(), b);

        Map<String, Object> first = build(a, ns);
        Map<String, Object> other = build(b, ns);
        assertTrue(String.valueOf(first.get("cache_key")).startsWith("local-demo-"), first.toString());
        assertNotEquals(first.get("cache_key"), other.get("cache_key"), "/a/demo and /b/demo share no cache");
        assertEquals(4L, ((Number) other.get("compiled")).longValue(), "b's build did not reuse a's cache");

        Path lib = a.resolve("tiny-core/src/lib.rs");
        Files.writeString(lib, Files.readString(lib).replace("value={}", "value: {}"));
        Map<String, Object> again = build(a, ns);
        assertEquals(first.get("cache_key"), again.get("cache_key"));
        assertTrue(lastLine().endsWith("; 2 rebuilt: source changed in tiny-core; 1 dependent"), lastLine());
        @SuppressWarnings("unchecked")
        Map<String, Object> rebuilds = (Map<String, Object>) again.get("rebuilds");
        assertEquals("2 rebuilt: source changed in tiny-core; 1 dependent", rebuilds.get("line"));
        assertEquals(2, ((List<?>) rebuilds.get("units")).size(), rebuilds.toString());
    }
}

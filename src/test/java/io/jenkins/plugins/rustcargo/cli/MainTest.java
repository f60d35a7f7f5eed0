package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to bin/rustcargo: one line on stderr, exit code 2, nothing started. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errLine() {
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), "exactly one line: " + text);
        return text.strip();
    }

    @Test
    void missingCargoTomlIsOneLine() {
        assertEquals(2, run("-C", dir.toString(), "--", "build"));
        assertEquals("rustcargo: no Cargo.toml in " + dir + ": run in a cargo workspace or pass -C DIR", errLine());
    }

    @Test
    void invalidCacheKeyIsOneLine() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(2, run("-C", dir.toString(), "--cache-key", "../x", "--", "build"));
        assertTrue(errLine().startsWith("rustcargo: cacheKey '../x' is not valid"));
    }

    @Test
    void badRegexIsOneLine() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(2, run("-C", dir.toString(), "--output", "release/(", "--", "build"));
        assertTrue(errLine().startsWith("rustcargo: output pattern 'release/(' is not a valid regex"));
    }

    @Test
    void badQuotingAndUnknownFlagsAreOneLine() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(2, run("-C", dir.toString(), "--args", "test 'oops"));
        assertTrue(errLine().contains("unterminated single quote"));
        err.reset();
        assertEquals(2, run("--frobnicate"));
        assertTrue(errLine().startsWith("rustcargo: unknown option '--frobnicate'"));
        err.reset();
        assertEquals(2, run("-C", dir.toString()));
        assertTrue(errLine().startsWith("rustcargo: no cargo command given"));
    }

    @Test
    void dryRunPrintsTheGeneratedDockerfile() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("-C", dir.toString(), "--dry-run", "--", "test", "--", "--nocapture"));
        String dockerfile = out.toString(StandardCharsets.UTF_8);
        assertTrue(dockerfile.contains("\"cargo\",\"test\",\"--\",\"--nocapture\"]"), dockerfile);
    }

    @Test
    void untrustedAndNetworkFlagsShapeTheDockerfileAndHostIsRefusedForUntrusted() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("-C", dir.toString(), "--untrusted", "--cache-key", "pr", "--dry-run", "--", "build"));
        String dockerfile = out.toString(StandardCharsets.UTF_8);
        assertTrue(dockerfile.contains("id=rustcargo/default/untrusted-target/pr/host/dev/default,target=/workspace/target"), dockerfile);
        assertTrue(dockerfile.contains("RUN --network=none "), dockerfile);
        out.reset();
        assertEquals(0, run("-C", dir.toString(), "--network", "host", "--dry-run", "--", "build"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("RUN --network=host "));
        assertEquals(2, run("-C", dir.toString(), "--untrusted", "--network=host", "--", "build"));
        assertTrue(errLine().startsWith("rustcargo: network 'host' is refused for untrusted builds"), errLine());
        err.reset();
        assertEquals(2, run("-C", dir.toString(), "--network", "bridge", "--", "build"));
        assertEquals("rustcargo: network 'bridge' is not valid: use 'none' (the default) or 'host'", errLine());
    }
}

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
    void aJunitReportOutsideTheWorkspaceOrForBuildIsOneLine() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(2, run("-C", dir.toString(), "--junit-report", dir.resolveSibling("x.xml").toString(), "--", "test"));
        assertTrue(errLine().startsWith("rustcargo: --junit-report " + dir.resolveSibling("x.xml") + " must be a file inside"),
                errLine());
        err.reset();
        assertEquals(2, run("-C", dir.toString(), "--junit-report", dir.resolve("j.xml").toString(), "--", "build"));
        assertTrue(errLine().startsWith("rustcargo: junitReport needs a cargo test command, not 'build'"), errLine());
    }

    @Test
    void aJunitReportAsksLibtestForJson() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("-C", dir.toString(), "--junit-report", dir.resolve("target/j.xml").toString(), "--dry-run",
                "--", "test"));
        String dockerfile = out.toString(StandardCharsets.UTF_8);
        assertTrue(dockerfile.contains("ENV RUSTC_BOOTSTRAP=1"), dockerfile);
        assertTrue(dockerfile.contains("\"cargo\",\"test\",\"--\",\"-Z\",\"unstable-options\",\"--format\",\"json\""),
                dockerfile);
    }

    @Test
    void dryRunPrintsTheGeneratedDockerfile() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("-C", dir.toString(), "--dry-run", "--", "test", "--", "--nocapture"));
        String dockerfile = out.toString(StandardCharsets.UTF_8);
        assertTrue(dockerfile.contains("\"cargo\",\"test\",\"--\",\"--nocapture\"]"), dockerfile);
    }
}

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
    void helpStatesDefaultsAndCommands() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "); // as read, not as wrapped
        assertTrue(help.contains("Default: 7."), help);
        assertTrue(help.contains("Default: 20G."), help);
        assertTrue(help.contains("Default: default."), help);
        assertTrue(help.contains("sweep Trim target caches"), help);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("sweep", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--prune-keep-storage=MB"));
    }

    @Test
    void cacheCommandsRejectUnknownOptionsBeforeAnyDaemonWork() {
        // --addr names a socket that does not exist: a parse error must come first, not a daemon error
        assertEquals(2, run("sweep", "--addr", "unix:///nonexistent.sock", "--namespce", "x"));
        assertEquals("rustcargo: unknown option '--namespce' (did you mean --namespace?); see rustcargo sweep --help", errLine());
        err.reset();
        assertEquals(2, run("caches", "--addr", "unix:///nonexistent.sock", "--namespace", "x"));
        assertTrue(errLine().startsWith("rustcargo: unknown option '--namespace'"));
        err.reset();
        assertEquals(2, run("sweep", "extra"));
        assertEquals("rustcargo: unexpected argument 'extra'; see rustcargo sweep --help", errLine());
    }

    @Test
    void buildOptionsBeforeASubcommandAreRejected() {
        assertEquals(2, run("--addr", "unix:///nonexistent.sock", "sweep"));
        assertTrue(errLine().startsWith("rustcargo: 'sweep' must come first"));
        err.reset();
        assertEquals(2, run("run", "caches"));
        assertTrue(errLine().startsWith("rustcargo: 'caches' must come first"));
    }

    @Test
    void runIsTheDefaultAndMayBeSpelledOut() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("run", "-C", dir.toString(), "--dry-run", "--args", "build --release"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"cargo\",\"build\",\"--release\"]"));
    }

    @Test
    void cargoArgumentsAfterTheSeparatorAreNeverOurFlags() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(0, run("-C", dir.toString(), "--dry-run", "--", "--help", "sweep", "@file"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"cargo\",\"--help\",\"sweep\",\"@file\"]"));
    }

    @Test
    void flagProblemsAreOneLine() {
        assertEquals(2, run("build"));
        assertEquals("rustcargo: unexpected argument 'build': cargo arguments go after -- or in --args (see rustcargo --help)", errLine());
        err.reset();
        assertEquals(2, run("--image"));
        assertEquals("rustcargo: --image needs a value; see rustcargo --help", errLine());
        err.reset();
        assertEquals(2, run("--image", "a", "--image", "b", "--", "build"));
        assertTrue(errLine().contains("'--image'"));
    }
}

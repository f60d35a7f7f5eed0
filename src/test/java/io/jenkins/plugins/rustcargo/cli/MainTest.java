package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertTrue(errLine().startsWith("rustcargo: --cache-key '../x' is not valid"));
    }

    @Test
    void badRegexIsOneLine() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertEquals(2, run("-C", dir.toString(), "--output", "release/(", "--", "build"));
        assertEquals("rustcargo: --output 'release/(' is not a valid regex (missing closing ): `release/(`); example: 'release/[^/.]+'",
                errLine());
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

    /** Every case must fail on its own flag: the daemon address is a socket that does not exist. */
    private static final String NO_DAEMON = "unix:///nonexistent/rustcargo-test.sock";

    private void assertBadInput(String expectedStart, String... args) {
        err.reset();
        assertEquals(2, run(args), String.join(" ", args));
        String line = errLine();
        assertTrue(line.startsWith("rustcargo: " + expectedStart), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
    }

    @Test
    void numbersMustBeFiniteAndInRange() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        String ws = dir.toString();
        for (String bad : new String[] {"NaN", "-5", "Infinity", "1e3", "0x10", "36501", ""}) {
            String expected = bad.isEmpty() ? "--max-age-days needs a non-empty value" : "--max-age-days '" + bad + "' is not a number of days";
            assertBadInput(expected, "-C", ws, "--addr", NO_DAEMON, "--max-age-days", bad, "--", "build");
            assertBadInput(expected, "sweep", "--addr", NO_DAEMON, "--max-age-days", bad);
        }
        assertBadInput("--prune-unused-days 'NaN' is not a number of days", "sweep", "--addr", NO_DAEMON, "--prune-unused-days", "NaN");
        assertBadInput("--prune-keep-storage '1.5' is not a whole number", "sweep", "--addr", NO_DAEMON, "--prune-keep-storage", "1.5");
        assertBadInput("--max-size '-3G' is not a size", "sweep", "--addr", NO_DAEMON, "--max-size", "-3G");
        assertBadInput("--max-size '99999999T' is too large", "-C", ws, "--max-size", "99999999T", "--", "build");
    }

    @Test
    void emptyValuesNeverBecomeDefaults() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        String ws = dir.toString();
        assertBadInput("--cache-key needs a non-empty value", "-C", ws, "--cache-key", "", "--", "build");
        assertBadInput("--namespace needs a non-empty value", "-C", ws, "--namespace", " ", "--", "build");
        assertBadInput("--namespace needs a non-empty value", "sweep", "--addr", NO_DAEMON, "--namespace", "");
        assertBadInput("--namespace 'a/b' is not valid", "sweep", "--addr", NO_DAEMON, "--namespace", "a/b");
        assertBadInput("--output needs a non-empty value", "-C", ws, "--output=", "--", "build");
        assertBadInput("--addr needs a non-empty value", "caches", "--addr", "");
        assertBadInput("--addr: BuildKit address 'localhost' is not valid", "caches", "--addr", "localhost");
    }

    @Test
    void regexesAreJudgedByTheGoEngineThatAppliesThem() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        // Java's regex engine accepts a{1001}; Go's regexp, which matches inside the build, does not
        assertBadInput("--output 'a{1001}' is not a valid regex (invalid repeat count", "-C", dir.toString(), "--addr", NO_DAEMON,
                "--output", "a{1001}", "--", "build");
        assertBadInput("--output 'release/(?!deps).*' is not a valid regex", "-C", dir.toString(), "--output", "release/(?!deps).*",
                "--", "build");
        err.reset();
        assertEquals(0, run("-C", dir.toString(), "--dry-run", "--output", "(?P<bin>release/[a-z]+)", "--", "build"), err.toString());
    }

    @Test
    void malformedImageReferencesAreRefusedUpFront() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        assertBadInput("--image 'rust::1' is not a valid image reference", "-C", dir.toString(), "--addr", NO_DAEMON,
                "--image", "rust::1", "--", "build");
        assertBadInput("--image 'Rust:1' is not a valid image reference", "-C", dir.toString(), "--image", "Rust:1", "--", "build");
        err.reset();
        assertEquals(0, run("-C", dir.toString(), "--dry-run", "--image", "127.0.0.1:5000/library/rust:1.95-bookworm", "--", "build"));
    }

    @Test
    void oversizedArgumentsAreRefusedUpFront() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        String ws = dir.toString();
        String huge = "a".repeat(70_000);
        assertBadInput("--args value is 70017 characters long; at most 65536", "-C", ws, "--args", "check --features " + huge);
        assertBadInput("cargo arguments take ", "-C", ws, "--addr", NO_DAEMON, "--", "check", "--features", "a".repeat(62_000));
        assertBadInput("cargo arguments take ", "-C", ws, "--addr", NO_DAEMON, "--", "check", "--features", huge);
    }

    @Test
    void outputFilesMustBeWritableBeforeTheBuildStarts() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        String ws = dir.toString();
        assertBadInput("--summary-json '" + dir + "' is a directory", "-C", ws, "--addr", NO_DAEMON, "--summary-json", ws, "--", "build");
        assertBadInput("--log-file '" + dir + "/no/such/cargo.log': directory " + dir + "/no/such does not exist", "-C", ws,
                "--addr", NO_DAEMON, "--log-file", dir + "/no/such/cargo.log", "--", "build");
    }

    @Test
    void withoutFlagsTheBuildGetsTheEngineDefaults() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
        RunCommand build = new RunCommand(new Console(System.out, System.err, Map.of()));
        build.dir = dir.toString();
        build.cargoArgv = List.of("build");
        CargoRequest request = build.toRequest();
        assertEquals(SweepPolicy.DEFAULT, request.sweep(), "the help's defaults are the engine's");
        assertEquals(CargoRequest.DEFAULT_IMAGE, request.image());
        assertEquals(CargoRequest.DEFAULT_NAMESPACE, request.namespace());
    }
}

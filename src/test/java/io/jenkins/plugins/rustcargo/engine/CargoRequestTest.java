package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CargoRequestTest {

    private static CargoRequest.Builder valid() {
        return CargoRequest.builder().workspace("/ws").args("test");
    }

    @Test
    void defaults() throws Exception {
        CargoRequest r = valid().build();
        assertEquals(CargoRequest.DEFAULT_IMAGE, r.image());
        assertEquals("default", r.cacheKey());
        assertTrue(r.keepFingerprints());
        assertEquals(SweepPolicy.DEFAULT, r.sweep());
    }

    @Test
    void everyBadInputIsOneLineBeforeAnythingRuns() {
        assertMessage(valid().cacheKey("../x"), "cacheKey '../x' is not valid");
        assertMessage(valid().image("rust latest"), "image 'rust latest' is not a valid image reference");
        assertMessage(valid().output("(x"), "output pattern '(x' is not a valid regex");
        assertMessage(valid().requireOutput(true), "requireOutput is set but no output pattern");
        assertMessage(valid().cargoEnv("CARGO_TARGET_DIR", "/x"), "CARGO_TARGET_DIR cannot be set");
        assertMessage(valid().secretEnv("TOKEN"), "secret variable TOKEN is not set");
        assertMessage(CargoRequest.builder().args("test"), "no workspace directory given");
        assertMessage(valid().sweep(new SweepPolicy(1, 0)), "target max size 0");
    }

    @Test
    void secretsMustExistOnTheHost() throws Exception {
        CargoRequest r = valid().hostEnv(Map.of("TOKEN", "x")).secretEnv("TOKEN").build();
        assertEquals(java.util.List.of("TOKEN"), r.secretEnv());
    }

    @Test
    void aJunitReportAsksLibtestForJsonAfterTheUsersTestArgs() throws Exception {
        CargoRequest plain = valid().junitReport("target/junit.xml").build();
        assertEquals(java.util.List.of("test"), plain.argv(), "what the user asked for, as shown and as cached");
        assertEquals(java.util.List.of("test", "--", "-Z", "unstable-options", "--format", "json", "--report-time"),
                plain.runArgv());
        CargoRequest more = valid().args("test --workspace -- --include-ignored").junitReport("r.xml").build();
        assertEquals(java.util.List.of("test", "--workspace", "--", "-Z", "unstable-options", "--format", "json",
                "--report-time", "--include-ignored"), more.runArgv());
        assertEquals(valid().build().targetCacheId(), plain.targetCacheId(), "the same target cache as without a report");
        assertEquals(valid().build().runArgv(), valid().build().argv(), "without a report cargo gets exactly argv");
    }

    @Test
    void aJunitReportNeedsCargoTestAndAPathInsideTheWorkspace() {
        assertMessage(valid().args("build").junitReport("r.xml"), "junitReport needs a cargo test command, not 'build'");
        assertMessage(valid().junitReport("../r.xml"), "junitReport '../r.xml' must stay inside the workspace");
        assertMessage(valid().junitReport("/tmp/r.xml"), "junitReport '/tmp/r.xml' must be relative to the workspace");
        assertMessage(valid().args("test -- --format terse").junitReport("r.xml"), "junitReport sets libtest's output format");
    }

    private static void assertMessage(CargoRequest.Builder b, String start) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, b::build);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}

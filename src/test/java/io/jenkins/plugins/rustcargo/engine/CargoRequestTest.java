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

    private static void assertMessage(CargoRequest.Builder b, String start) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, b::build);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}

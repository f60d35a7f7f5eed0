package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CargoArgsTest {

    @Test
    void splitsOnWhitespaceAndKeepsQuotedWordsTogether() throws Exception {
        assertEquals(List.of("build", "--features", "a b"), CargoArgs.parse("build --features 'a b'"));
        assertEquals(List.of("test", "--", "--nocapture"), CargoArgs.parse("test -- --nocapture"));
        assertEquals(List.of("run", "--", "say \"hi\"", "$HOME"), CargoArgs.parse("run -- \"say \\\"hi\\\"\" '$HOME'"));
        assertEquals(List.of("build", "a b"), CargoArgs.parse("build a\\ b"));
    }

    @Test
    void shellMetacharactersStayLiteralArguments() throws Exception {
        assertEquals(List.of("run", "--", ";", "touch", "x"), CargoArgs.parse("run -- ; touch x"));
        assertEquals(List.of("run", "--", "; touch x"), CargoArgs.parse("run -- '; touch x'"));
        assertEquals(List.of("build", "$(id)", "`id`", "|", "&&"), CargoArgs.parse("build $(id) `id` | &&"));
    }

    @Test
    void dropsALeadingCargoWord() throws Exception {
        assertEquals(List.of("test"), CargoArgs.parse("cargo test"));
        assertEquals(List.of("clippy"), CargoArgs.of(List.of("cargo", "clippy")));
    }

    @Test
    void badQuotingIsOneClearLine() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CargoArgs.parse("build --features 'a b"));
        assertTrue(e.getMessage().contains("unterminated single quote"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        e = assertThrows(InvalidRequestException.class, () -> CargoArgs.parse("test \"x"));
        assertTrue(e.getMessage().contains("unterminated double quote"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> CargoArgs.parse("   "));
        assertThrows(InvalidRequestException.class, () -> CargoArgs.parse("cargo"));
        assertThrows(InvalidRequestException.class, () -> CargoArgs.parse("build \\"));
    }

    @Test
    void renderRoundTrips() throws Exception {
        List<String> argv = List.of("build", "--features", "a b", "it's");
        String rendered = CargoArgs.render(argv);
        assertEquals(argv, CargoArgs.parse(rendered));
    }
}

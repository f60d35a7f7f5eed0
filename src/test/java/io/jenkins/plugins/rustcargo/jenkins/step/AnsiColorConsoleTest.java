package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inside {@code ansiColor('xterm')} cargo is asked for colours; elsewhere it is left alone. */
class AnsiColorConsoleTest {
    private static CargoRequest request(Map<String, String> env) throws Exception {
        return CargoRequestFactory.create(new RustCargoStep("build"), "/ws", null, env, "app", null, StepDefaults.BUILT_IN);
    }

    @Test
    void theWrappersColourMapTurnsCargosColoursOn() throws Exception {
        for (String map : AnsiColorConsole.COLOR_MAPS) {
            assertEquals("always", request(Map.of("TERM", map)).cargoEnv().get("CARGO_TERM_COLOR"), map);
        }
    }

    @Test
    void withoutTheWrapperCargoDecidesAsBefore() throws Exception {
        assertNull(request(Map.of()).cargoEnv().get("CARGO_TERM_COLOR"));
        assertNull(request(Map.of("TERM", "dumb")).cargoEnv().get("CARGO_TERM_COLOR"));
        assertFalse(AnsiColorConsole.active(Map.of("TERM", "")));
    }

    @Test
    void thePipelinesOwnChoiceWins() throws Exception {
        assertEquals("never", request(Map.of("TERM", "xterm", "CARGO_TERM_COLOR", "never")).cargoEnv().get("CARGO_TERM_COLOR"));
    }
}

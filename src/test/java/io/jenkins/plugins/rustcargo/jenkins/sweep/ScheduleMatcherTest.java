package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which agents a schedule sweeps: online ones whose labels satisfy its expression (our plain label matcher). */
@ExtendWith(PlainSyntax.class)
class ScheduleMatcherTest {
    private static final ScheduleMatcher.Agent BUILT_IN = new ScheduleMatcher.Agent("(built-in)", true, Set.of("built-in"));
    private static final ScheduleMatcher.Agent RUST_1 = new ScheduleMatcher.Agent("rust-1", true, Set.of("rust-1", "rust", "linux"));
    private static final ScheduleMatcher.Agent RUST_2 = new ScheduleMatcher.Agent("rust-2", true, Set.of("rust-2", "rust", "linux", "big"));
    private static final ScheduleMatcher.Agent RUST_OFF = new ScheduleMatcher.Agent("rust-3", false, Set.of("rust-3", "rust", "linux"));
    private static final ScheduleMatcher.Agent WIN = new ScheduleMatcher.Agent("win-1", true, Set.of("win-1", "windows"));
    private static final List<ScheduleMatcher.Agent> ALL = List.of(BUILT_IN, RUST_1, RUST_2, RUST_OFF, WIN);

    @Test
    void aLabelSelectsTheOnlineAgentsCarryingIt() {
        assertEquals(List.of(RUST_1, RUST_2), ScheduleMatcher.matching("rust", ALL));
    }

    @Test
    void offlineAgentsAreNeverSwept() {
        assertEquals(List.of(RUST_1), ScheduleMatcher.matching("rust-1 || rust-3", ALL));
    }

    @Test
    void expressionsCombineLabelsAndSelfLabels() {
        assertEquals(List.of(RUST_2), ScheduleMatcher.matching("rust && big", ALL));
        assertEquals(List.of(RUST_1), ScheduleMatcher.matching("linux && !big", ALL));
        assertEquals(List.of(BUILT_IN, WIN), ScheduleMatcher.matching("!rust", ALL));
        assertEquals(List.of(RUST_2), ScheduleMatcher.matching("rust-2", ALL), "a node's name is one of its labels");
    }

    @Test
    void blankSelectsEveryOnlineNodeIncludingTheBuiltInOne() {
        assertEquals(List.of(BUILT_IN, RUST_1, RUST_2, WIN), ScheduleMatcher.matching("", ALL));
        assertEquals(List.of(BUILT_IN, RUST_1, RUST_2, WIN), ScheduleMatcher.matching(null, ALL));
    }

    @Test
    void noMatchIsAnEmptyList() {
        assertEquals(List.of(), ScheduleMatcher.matching("macos", ALL));
    }

    @Test
    void anExpressionThatDoesNotParseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleMatcher.matching("rust &", ALL));
    }
}

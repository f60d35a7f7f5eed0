package io.jenkins.plugins.rustcargo.jenkins.step;

import java.util.Map;
import java.util.Set;

/**
 * Whether the console renders ANSI colours: inside the AnsiColor plugin's {@code ansiColor(...)}
 * wrapper, which sets {@code TERM} to the name of its colour map for the steps it wraps. That
 * variable is the only sign of the wrapper a step can see (its console filter is not visible).
 */
final class AnsiColorConsole {
    /** The colour maps AnsiColor ships; a custom map name is not recognised. */
    static final Set<String> COLOR_MAPS = Set.of("xterm", "vga", "css", "gnome-terminal");

    private AnsiColorConsole() {}

    static boolean active(Map<String, String> env) {
        return COLOR_MAPS.contains(env.getOrDefault("TERM", ""));
    }

    /**
     * Asks cargo for colours (its own variable, forwarded into the build) when the console shows
     * them, unless the pipeline already chose with {@code CARGO_TERM_COLOR}.
     */
    static void applyTo(Map<String, String> cargoEnv, Map<String, String> env) {
        if (active(env)) {
            cargoEnv.putIfAbsent("CARGO_TERM_COLOR", "always");
        }
    }
}

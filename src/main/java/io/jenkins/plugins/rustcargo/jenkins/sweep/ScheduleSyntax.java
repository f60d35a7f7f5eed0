package io.jenkins.plugins.rustcargo.jenkins.sweep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Calendar;
import java.util.Set;

/**
 * The two Jenkins syntaxes a sweep schedule is written in: a cron spec (when) and a label
 * expression (where). In Jenkins they are core's own parsers ({@link JenkinsScheduleSyntax});
 * unit tests swap in a plain-Java implementation through {@link #use}, so the schedule logic
 * (validation, catch-up, matching) is tested on its own rather than through Jenkins' parsers.
 */
interface ScheduleSyntax {
    /**
     * @param hashSeed what {@code H} is hashed from, so equal seeds pick equal minutes
     * @throws IllegalArgumentException with the reason when the spec does not parse
     */
    Cron cron(String spec, String hashSeed);

    /** @throws IllegalArgumentException with the reason when the expression does not parse */
    LabelMatch label(String expression);

    /** A parsed cron spec. */
    interface Cron {
        /** Whether the spec selects this minute (the calendar's zone is the one the spec is read in). */
        boolean matches(Calendar minute);

        /** A warning about a valid but unwise spec (every minute, no {@code H}), or null. */
        @CheckForNull
        String sanityWarning();
    }

    /** A parsed label expression. */
    interface LabelMatch {
        /** Whether a node with these label names (its self label included) satisfies the expression. */
        boolean matches(Set<String> labelNames);
    }

    /** The syntax in use: Jenkins' own, unless a test chose another. */
    static ScheduleSyntax current() {
        return Holder.current;
    }

    /** For tests: the syntax to use from now on; returns the one used before. */
    static ScheduleSyntax use(ScheduleSyntax syntax) {
        ScheduleSyntax before = Holder.current;
        Holder.current = syntax;
        return before;
    }

    /** Interfaces cannot hold mutable state; this class does it for them. */
    final class Holder {
        private static volatile ScheduleSyntax current = new JenkinsScheduleSyntax();

        private Holder() {}
    }
}

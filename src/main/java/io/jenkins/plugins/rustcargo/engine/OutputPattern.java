package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates the {@code output} regex. It is matched inside the build container by the Go helper
 * (Go's RE2 syntax) against whole paths relative to {@code target/}, so the helper itself judges
 * it here, run on this machine ({@link LocalHelper}), before the build starts: a pattern is
 * accepted exactly when the export can apply it. Where the helper cannot run (not Linux
 * amd64/arm64), Java's regex engine plus a list of constructs RE2 lacks approximate the check, and
 * the helper still refuses a bad pattern inside the build.
 */
public final class OutputPattern {
    private static final String EXAMPLE = "; example: 'release/[^/.]+'";
    private static final String[][] UNSUPPORTED = {
        {"(?=", "lookahead"}, {"(?!", "negative lookahead"}, {"(?<=", "lookbehind"},
        {"(?<!", "negative lookbehind"}, {"(?>", "atomic groups"}, {"*+", "possessive quantifiers"},
        {"++", "possessive quantifiers"}, {"?+", "possessive quantifiers"},
    };

    private OutputPattern() {}

    /** As {@link #validate(String, String)}, naming it "output pattern" (the step's wording). */
    public static String validate(String regex) throws InvalidRequestException {
        return validate("output pattern", regex);
    }

    /** Null for no pattern; {@code what} names the flag or parameter in the message. */
    public static String validate(String what, String regex) throws InvalidRequestException {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        String problem;
        try {
            problem = LocalHelper.checkOutput(regex);
            String hint = problem == null ? null : unsupported(regex);
            problem = hint == null ? problem : problem + ": " + hint;
        } catch (IOException helperUnavailable) {
            problem = javaApproximation(regex);
        }
        if (problem != null) {
            throw new InvalidRequestException(what + " '" + regex + "' is not a valid regex (" + problem + ")" + EXAMPLE);
        }
        return regex;
    }

    /** Null when Java accepts the pattern and it uses none of the constructs RE2 lacks. */
    static String javaApproximation(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
        return unsupported(regex);
    }

    /** Names a Java-only construct in the pattern, to explain Go's terser complaint. */
    private static String unsupported(String regex) {
        for (String[] u : UNSUPPORTED) {
            if (regex.contains(u[0])) {
                return u[1] + ", which RE2 does not support";
            }
        }
        if (regex.matches(".*\\\\[1-9].*")) {
            return "a backreference, which RE2 does not support";
        }
        return null;
    }
}

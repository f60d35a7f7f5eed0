package io.jenkins.plugins.rustcargo.engine;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates the {@code output} regex. It is matched inside the build container by the Go helper
 * (RE2 syntax) against whole paths relative to {@code target/}, so Java-only constructs are
 * rejected here, before the build starts.
 */
public final class OutputPattern {
    private static final String[][] UNSUPPORTED = {
        {"(?=", "lookahead"}, {"(?!", "negative lookahead"}, {"(?<=", "lookbehind"},
        {"(?<!", "negative lookbehind"}, {"(?>", "atomic groups"}, {"*+", "possessive quantifiers"},
        {"++", "possessive quantifiers"}, {"?+", "possessive quantifiers"},
    };

    private OutputPattern() {}

    public static String validate(String regex) throws InvalidRequestException {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidRequestException("output pattern '" + regex + "' is not a valid regex ("
                    + e.getDescription() + "); example: 'release/[^/.]+'");
        }
        for (String[] u : UNSUPPORTED) {
            if (regex.contains(u[0])) {
                throw new InvalidRequestException("output pattern '" + regex + "' uses " + u[1]
                        + ", which RE2 does not support; rewrite it without it");
            }
        }
        if (regex.matches(".*\\\\[1-9].*")) {
            throw new InvalidRequestException("output pattern '" + regex
                    + "' uses a backreference, which RE2 does not support; rewrite it without it");
        }
        return regex;
    }
}

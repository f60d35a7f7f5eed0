package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputPatternTest {

    @Test
    void acceptsRe2Patterns() throws Exception {
        assertEquals("release/[^/.]+", OutputPattern.validate("release/[^/.]+"));
        assertEquals("(debug|release)/app(\\.exe)?", OutputPattern.validate("(debug|release)/app(\\.exe)?"));
        assertNull(OutputPattern.validate(""));
    }

    @Test
    void rejectsInvalidOrJavaOnlyPatternsWithOneLine() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> OutputPattern.validate("release/[a-"));
        assertTrue(e.getMessage().startsWith("output pattern 'release/[a-' is not a valid regex"), e.getMessage());
        assertTrue(assertThrows(InvalidRequestException.class, () -> OutputPattern.validate("release/(?!test).*"))
                .getMessage().contains("negative lookahead"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> OutputPattern.validate("(a)\\1"))
                .getMessage().contains("backreference"));
    }

    /** The Go helper judges the pattern, so Java's and Go's differences decide nothing. */
    @Test
    void goRegexpDecidesWhereJavaDisagrees() throws Exception {
        assertNull(OutputPattern.javaApproximation("a{1001}"), "Java accepts a repeat count over 1000");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> OutputPattern.validate("--output", "a{1001}"));
        assertEquals("--output 'a{1001}' is not a valid regex (invalid repeat count: `{1001}`); example: 'release/[^/.]+'", e.getMessage());
        assertTrue(OutputPattern.javaApproximation("(?P<bin>release/[a-z]+)") != null, "Java rejects (?P<name>...)");
        assertEquals("(?P<bin>release/[a-z]+)", OutputPattern.validate("(?P<bin>release/[a-z]+)"));
        // would escape the ^(?:...)$ anchoring in the helper if only the wrapped form were compiled
        assertThrows(InvalidRequestException.class, () -> OutputPattern.validate("a)|(b"));
    }
}

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
}

package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The port of core's label-expression grammar: what parses, what it means, what is rejected. */
class LabelExpressionsTest {

    private static boolean eval(String expr, String... labels) {
        return LabelExpressions.parse(expr).matches(Set.of(labels));
    }

    @Test
    void atomsAndOperatorsEvaluateAsInCore() {
        assertTrue(eval("rust", "rust", "linux"));
        assertFalse(eval("rust", "linux"));
        assertTrue(eval("rust && linux", "rust", "linux"));
        assertFalse(eval("rust&&linux", "rust"));
        assertTrue(eval("rust || windows", "windows"));
        assertTrue(eval("!windows", "linux"));
        assertFalse(eval("!windows", "windows"));
        assertTrue(eval("rust -> linux", "windows"), "an implication with a false premise holds");
        assertFalse(eval("rust -> linux", "rust"));
        assertTrue(eval("rust <-> linux"), "both false");
        assertFalse(eval("rust <-> linux", "rust"));
    }

    @Test
    void precedenceIsNotThenAndThenOrThenImpliesThenIff() {
        // a || b && c  ==  a || (b && c)
        assertTrue(eval("a || b && c", "a"));
        // !a && b  ==  (!a) && b
        assertTrue(eval("!a && b", "b"));
        assertFalse(eval("!a && b", "a", "b"));
        // a && b -> c  ==  (a && b) -> c
        assertTrue(eval("a && b -> c", "a"));
        // a -> b <-> c  ==  (a -> b) <-> c
        assertTrue(eval("a -> b <-> c", "c"));
        // <-> chains to the left: (a <-> b) <-> c
        assertTrue(eval("a <-> b <-> c", "c"));
        assertFalse(eval("a <-> b <-> c"));
        assertTrue(eval("(a || b) && c", "b", "c"));
        assertFalse(eval("a || b && c", "b"));
    }

    @Test
    void dashesBelongToLabelsUnlessTheyStartAnArrow() {
        assertTrue(eval("x86-64", "x86-64"));
        assertFalse(eval("a->b", "a"), "a->b is an implication, not a label");
        assertFalse(eval("a-->b", "a-"), "the first dash stays in the label, the rest is an arrow");
        assertTrue(eval("a-->b", "a-", "b"));
        assertTrue(eval("trailing-", "trailing-"));
        assertTrue(eval("-lead", "-lead"));
    }

    @Test
    void quotedLabelsAreUnquotedWithTheirEscapes() {
        assertTrue(eval("\"has space\"", "has space"));
        assertTrue(eval("\"a\\\"b\" && c", "a\"b", "c"));
        assertTrue(eval("\"tab\\there\"", "tab\there"));
        assertTrue(eval("\"back\\\\slash\"", "back\\slash"));
        assertTrue(eval("\"&&\"", "&&"), "operators are plain text inside quotes");
    }

    @Test
    void labelsMayHoldAnyOtherCharacter() {
        assertTrue(eval("os=linux", "os=linux"));
        assertTrue(eval("ärger.ü/x:1", "ärger.ü/x:1"));
        assertTrue(eval("\ttab\t", "tab"), "tabs and blanks separate tokens");
    }

    @Test
    void coreRejectsTheseAndSoDoesThePort() {
        for (String bad : new String[] {"", "   ", "a b", "a &", "a | b", "&& a", "a &&", "(a", "a)", "()", "!!a", "! !a",
                "a -> b -> c", "a <- b", "a > b", "'a'", "\"open", "\"bad\\x\"", "\"line\nbreak\"", "a ! b", "a (b)"}) {
            assertThrows(IllegalArgumentException.class, () -> LabelExpressions.parse(bad), "should reject: " + bad);
        }
    }

    @Test
    void theseParseInCoreAndInThePort() {
        for (String good : new String[] {"a", "!a", "!(a)", "!(!a)", "(a)", "((a))", "a&&b||c", "a->(b->c)", "(a->b)->c",
                "a<->b<->c", "!a->!b", "\"\"", "a||!b&&(c<->d)"}) {
            LabelExpressions.parse(good);
        }
    }

    @Test
    void errorsSayWhereAndWhat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelExpressions.parse("rust & linux"));
        assertEquals("column 6: unexpected '&' (use && for 'and')", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LabelExpressions.parse("a -> b -> c"));
        assertEquals("column 8: expected the end but found '->'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LabelExpressions.parse("(a"));
        assertEquals("column 3: expected ')' but found the end", e.getMessage());
    }
}

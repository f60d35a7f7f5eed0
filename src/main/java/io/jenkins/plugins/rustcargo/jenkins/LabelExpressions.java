package io.jenkins.plugins.rustcargo.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Jenkins label expressions ({@code rust && linux}, {@code !windows}, {@code "a b" || c}), parsed
 * and evaluated against a node's label names.
 *
 * <p>A hand-written port of core's ANTLR grammar ({@code LabelExpressionLexer.g4} and
 * {@code LabelExpressionParser.g4} at jenkins-2.479.3): the same tokens, the same precedence
 * ({@code <->} lowest, then {@code ->} (not chainable), {@code ||}, {@code &&}, {@code !} (once,
 * before an atom or a parenthesis)), the same string-literal escapes. Core's
 * {@code Label.parseExpression} cannot run without a Jenkins instance (every atom is looked up in
 * it), so this port lets schedule matching and validation work in plain unit tests and gives the
 * same answers in Jenkins: a node matches when the expression is true for the names of
 * {@code Node.getAssignedLabels()}, exactly as {@code Label.matches(Node)} evaluates it.
 * {@code src/standins/verify/verify-labels.sh} compares it with the real grammar. Error messages
 * are rust-cargo's own; which inputs are rejected is the same.
 */
final class LabelExpressions {
    private LabelExpressions() {}

    /** A parsed expression. */
    interface Expr {
        boolean matches(Set<String> labels);
    }

    /**
     * Parses a label expression.
     *
     * @throws IllegalArgumentException with a one-line reason when core would reject it too
     */
    static Expr parse(String text) {
        Parser p = new Parser(new Lexer(text).tokens(), text);
        Expr e = p.term1();
        p.expect(Kind.EOF);
        return e;
    }

    private enum Kind {
        AND("'&&'"), OR("'||'"), NOT("'!'"), IMPLIES("'->'"), IFF("'<->'"), LPAREN("'('"), RPAREN("')'"),
        ATOM("a label"), STRING("a quoted label"), EOF("the end");

        final String shown;

        Kind(String shown) {
            this.shown = shown;
        }
    }

    /** A token: its kind, its value (a literal already unquoted) and where it stands in the text. */
    private record Token(Kind kind, String value, int column, int end) {}

    /** The lexer grammar: fixed operators, atoms, double-quoted literals, blanks and tabs skipped. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= s.length()) {
                    out.add(new Token(Kind.EOF, "", i, i));
                    return out;
                }
                out.add(next());
            }
        }

        private Token next() {
            int start = i;
            char c = s.charAt(i);
            if (s.startsWith("&&", i)) {
                i += 2;
                return new Token(Kind.AND, "&&", start, i);
            }
            if (s.startsWith("||", i)) {
                i += 2;
                return new Token(Kind.OR, "||", start, i);
            }
            if (s.startsWith("->", i)) {
                i += 2;
                return new Token(Kind.IMPLIES, "->", start, i);
            }
            if (s.startsWith("<->", i)) {
                i += 3;
                return new Token(Kind.IFF, "<->", start, i);
            }
            switch (c) {
                case '!':
                    i++;
                    return new Token(Kind.NOT, "!", start, i);
                case '(':
                    i++;
                    return new Token(Kind.LPAREN, "(", start, i);
                case ')':
                    i++;
                    return new Token(Kind.RPAREN, ")", start, i);
                case '"':
                    return string();
                default:
                    break;
            }
            while (i < s.length() && atomChar(i)) {
                i++;
            }
            if (i == start) {
                throw error(start, "unexpected '" + c + "'" + hint(c));
            }
            return new Token(Kind.ATOM, s.substring(start, i), start, i);
        }

        /**
         * IDENTIFIER_PART, or a '-' that does not start '->' (the grammar's {@code LA(2) != '>'}
         * predicate), so {@code a->b} is an implication while {@code a-b} is one label.
         */
        private boolean atomChar(int at) {
            char c = s.charAt(at);
            if (c == '-') {
                return at + 1 >= s.length() || s.charAt(at + 1) != '>';
            }
            return "&|!<>() \t\"'".indexOf(c) < 0;
        }

        /** STRINGLITERAL, unquoted as core's {@code QuotedStringTokenizer.unquote} does. */
        private Token string() {
            int start = i;
            StringBuilder value = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    return new Token(Kind.STRING, value.toString(), start, i);
                }
                if (c == '\r' || c == '\n') {
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= s.length() || "btnfr\"'\\".indexOf(s.charAt(i + 1)) < 0) {
                        throw error(i, "invalid escape in a quoted label: use \\\" \\\\ \\' \\b \\t \\n \\f or \\r");
                    }
                    value.append(unescape(s.charAt(i + 1)));
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            throw error(start, "unterminated quoted label");
        }

        private static char unescape(char c) {
            switch (c) {
                case 'b':
                    return '\b';
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'f':
                    return '\f';
                case 'r':
                    return '\r';
                default:
                    return c;
            }
        }

        private static String hint(char c) {
            switch (c) {
                case '&':
                    return " (use && for 'and')";
                case '|':
                    return " (use || for 'or')";
                case '\'':
                    return " (quote labels with \")";
                default:
                    return "";
            }
        }

        private IllegalArgumentException error(int column, String message) {
            return new IllegalArgumentException("column " + (column + 1) + ": " + message);
        }
    }

    /** The parser grammar, rule by rule (term1 .. term6). */
    private static final class Parser {
        private final List<Token> tokens;
        private final String text;
        private int pos;

        Parser(List<Token> tokens, String text) {
            this.tokens = tokens;
            this.text = text;
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private boolean accept(Kind kind) {
            if (peek().kind() == kind) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(Kind kind) {
            if (!accept(kind)) {
                throw unexpected(kind.shown);
            }
        }

        private IllegalArgumentException unexpected(String expected) {
            Token t = peek();
            String found = t.kind() == Kind.EOF ? "the end" : "'" + text.substring(t.column(), t.end()) + "'";
            return new IllegalArgumentException("column " + (t.column() + 1) + ": expected " + expected + " but found " + found);
        }

        /** term1: term2 (IFF term2)* */
        Expr term1() {
            Expr left = term2();
            while (accept(Kind.IFF)) {
                Expr l = left;
                Expr r = term2();
                left = labels -> l.matches(labels) == r.matches(labels);
            }
            return left;
        }

        /** term2: term3 (IMPLIES term3)? -- (a->b)->c differs from a->(b->c), so no chaining. */
        private Expr term2() {
            Expr left = term3();
            if (accept(Kind.IMPLIES)) {
                Expr r = term3();
                return labels -> !left.matches(labels) || r.matches(labels);
            }
            return left;
        }

        /** term3: term4 (OR term4)* */
        private Expr term3() {
            Expr left = term4();
            while (accept(Kind.OR)) {
                Expr l = left;
                Expr r = term4();
                left = labels -> l.matches(labels) || r.matches(labels);
            }
            return left;
        }

        /** term4: term5 (AND term5)* */
        private Expr term4() {
            Expr left = term5();
            while (accept(Kind.AND)) {
                Expr l = left;
                Expr r = term5();
                left = labels -> l.matches(labels) && r.matches(labels);
            }
            return left;
        }

        /** term5: term6 | NOT term6 */
        private Expr term5() {
            if (accept(Kind.NOT)) {
                Expr e = term6();
                return labels -> !e.matches(labels);
            }
            return term6();
        }

        /** term6: LPAREN term1 RPAREN | ATOM | STRINGLITERAL */
        private Expr term6() {
            Token t = peek();
            if (accept(Kind.LPAREN)) {
                Expr e = term1();
                expect(Kind.RPAREN);
                return e;
            }
            if (accept(Kind.ATOM) || accept(Kind.STRING)) {
                String name = t.value();
                return labels -> labels.contains(name);
            }
            throw unexpected("a label, '!' or '('");
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * A small reading of Jenkins label expressions for unit tests: atoms and double-quoted atoms,
 * {@code !}, {@code &&}, {@code ||}, {@code ->}, {@code <->} (loosest last) and parentheses.
 * Precedence follows the Jenkins documentation; the fine points of core's grammar do not matter
 * to the tests that use it.
 */
final class PlainLabels {
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> columns = new ArrayList<>();
    private int next;

    private PlainLabels(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            String op = List.of("<->", "->", "&&", "||", "!", "(", ")").stream().filter(o -> text.startsWith(o, start)).findFirst()
                    .orElse(null);
            if (op != null) {
                i += op.length();
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("column " + (start + 1) + ": unterminated quote");
                }
                op = "=" + text.substring(i + 1, end);
                i = end + 1;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "&|!()\"".indexOf(text.charAt(i)) < 0
                        && !text.startsWith("->", i) && !text.startsWith("<->", i)) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("column " + (start + 1) + ": unexpected '" + c + "'");
                }
                op = "=" + text.substring(start, i);
            }
            tokens.add(op);
            columns.add(start + 1);
        }
    }

    static ScheduleSyntax.LabelMatch parse(String text) {
        PlainLabels p = new PlainLabels(text);
        ScheduleSyntax.LabelMatch m = p.iff();
        if (p.next < p.tokens.size()) {
            throw p.unexpected();
        }
        return m;
    }

    private boolean take(String op) {
        if (next < tokens.size() && tokens.get(next).equals(op)) {
            next++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException unexpected() {
        return next < tokens.size()
                ? new IllegalArgumentException("column " + columns.get(next) + ": unexpected '" + tokens.get(next).replaceFirst("^=", "") + "'")
                : new IllegalArgumentException("unexpected end of the expression");
    }

    private ScheduleSyntax.LabelMatch iff() {
        ScheduleSyntax.LabelMatch left = implies();
        while (take("<->")) {
            ScheduleSyntax.LabelMatch a = left;
            ScheduleSyntax.LabelMatch b = implies();
            left = labels -> a.matches(labels) == b.matches(labels);
        }
        return left;
    }

    private ScheduleSyntax.LabelMatch implies() {
        ScheduleSyntax.LabelMatch a = or();
        if (!take("->")) {
            return a;
        }
        ScheduleSyntax.LabelMatch b = or();
        return labels -> !a.matches(labels) || b.matches(labels);
    }

    private ScheduleSyntax.LabelMatch or() {
        ScheduleSyntax.LabelMatch left = and();
        while (take("||")) {
            ScheduleSyntax.LabelMatch a = left;
            ScheduleSyntax.LabelMatch b = and();
            left = labels -> a.matches(labels) || b.matches(labels);
        }
        return left;
    }

    private ScheduleSyntax.LabelMatch and() {
        ScheduleSyntax.LabelMatch left = not();
        while (take("&&")) {
            ScheduleSyntax.LabelMatch a = left;
            ScheduleSyntax.LabelMatch b = not();
            left = labels -> a.matches(labels) && b.matches(labels);
        }
        return left;
    }

    private ScheduleSyntax.LabelMatch not() {
        if (take("!")) {
            ScheduleSyntax.LabelMatch a = not();
            return labels -> !a.matches(labels);
        }
        if (take("(")) {
            ScheduleSyntax.LabelMatch a = iff();
            if (!take(")")) {
                throw unexpected();
            }
            return a;
        }
        if (next < tokens.size() && tokens.get(next).startsWith("=")) {
            String atom = tokens.get(next++).substring(1);
            return labels -> labels.contains(atom);
        }
        throw unexpected();
    }
}

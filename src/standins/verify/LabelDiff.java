// Differential test: rust-cargo's hand-written label-expression parser (LabelExpressions) vs upstream's ANTLR grammar
// (LabelExpressionLexer.g4/LabelExpressionParser.g4 at jenkins-2.479.3, actions stripped, package ref.labels).
// Run through verify-labels.sh; prints the differences and a summary line.
package io.jenkins.plugins.rustcargo.jenkins;

import java.util.*;
import org.antlr.v4.runtime.*;
import org.antlr.v4.runtime.tree.*;
import ref.labels.LabelExpressionLexer;
import ref.labels.LabelExpressionParser;

public class LabelDiff {
    static final Random R = new Random(Long.getLong("seed", 42));
    static final String[] ATOMS = {"a", "b", "c", "rust", "x-y", "a-", "-", "-b", "os=linux", "é", "𝔘", "\"q\"", "\"a b\"",
        "\"e\\\"x\"", "\"t\\tq\"", "\"\"", "\"&&\"", "\"bad\\x\"", "\"open", "'s'", "\\", "a\nb", "x.y/z:1"};
    static final String[] OPS = {"&&", "||", "!", "->", "<->", "(", ")", "&", "|", "<", "<-", ">", "-", "--", " ", "  ", "\t", "\n", "\"", "'"};
    static final String[] BIN = {"&&", "||", "->", "<->", "&&", "||"};

    static String expr(int depth) {
        int k = R.nextInt(depth > 3 ? 2 : 6);
        switch (k) {
            case 0: case 1: return ATOMS[R.nextInt(ATOMS.length)];
            case 2: return "!" + (R.nextBoolean() ? ATOMS[R.nextInt(4)] : "(" + expr(depth + 1) + ")");
            case 3: return "(" + expr(depth + 1) + ")";
            default: return expr(depth + 1) + sp() + BIN[R.nextInt(BIN.length)] + sp() + expr(depth + 1);
        }
    }
    static String sp() { return R.nextInt(3) == 0 ? "" : R.nextInt(5) == 0 ? "\t" : " "; }
    static String mutate(String s) {
        StringBuilder b = new StringBuilder(s);
        int n = R.nextInt(3);
        for (int i = 0; i < n; i++) {
            int at = b.length() == 0 ? 0 : R.nextInt(b.length() + 1);
            switch (R.nextInt(3)) {
                case 0: b.insert(at, OPS[R.nextInt(OPS.length)]); break;
                case 1: if (b.length() > 0 && at < b.length()) b.deleteCharAt(at); break;
                default: b.insert(at, ATOMS[R.nextInt(ATOMS.length)]);
            }
        }
        return b.toString();
    }
    static String random() {
        int k = R.nextInt(10);
        if (k < 5) return expr(0);
        if (k < 9) return mutate(expr(0));
        StringBuilder b = new StringBuilder();
        for (int i = R.nextInt(6); i >= 0; i--) b.append(R.nextBoolean() ? OPS[R.nextInt(OPS.length)] : ATOMS[R.nextInt(ATOMS.length)]);
        return b.toString();
    }

    static final class Fail extends BaseErrorListener {
        @Override public void syntaxError(Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
            throw new IllegalArgumentException("line " + line + ":" + col + ": " + msg);
        }
    }

    /** Upstream's parse tree, or null when upstream rejects the input (as JenkinsANTLRErrorListener would). */
    static ParseTree reference(String text, List<String> atoms) {
        LabelExpressionLexer lexer = new LabelExpressionLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new Fail());
        LabelExpressionParser parser = new LabelExpressionParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new Fail());
        try {
            ParseTree t = parser.expr();
            collect(t, atoms);
            return t;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String atomName(TerminalNode n) {
        return n.getSymbol().getType() == LabelExpressionLexer.STRINGLITERAL ? ref.util.QuotedStringTokenizer.unquote(n.getText()) : n.getText();
    }

    static void collect(ParseTree t, List<String> atoms) {
        if (t instanceof TerminalNode n && (n.getSymbol().getType() == LabelExpressionLexer.ATOM || n.getSymbol().getType() == LabelExpressionLexer.STRINGLITERAL)) {
            atoms.add(atomName(n));
        }
        for (int i = 0; i < t.getChildCount(); i++) collect(t.getChild(i), atoms);
    }

    /** Evaluates upstream's tree with the semantics of upstream's Label.iff/implies/or/and/not and LabelAtom.matches. */
    static boolean eval(ParseTree t, Set<String> labels) {
        if (t instanceof TerminalNode n) return labels.contains(atomName(n));
        String rule = LabelExpressionParser.ruleNames[((RuleContext) t).getRuleIndex()];
        int n = t.getChildCount();
        switch (rule) {
            case "expr": return eval(t.getChild(0), labels);
            case "term1": { boolean v = eval(t.getChild(0), labels); for (int i = 2; i < n; i += 2) v = v == eval(t.getChild(i), labels); return v; }
            case "term2": { boolean v = eval(t.getChild(0), labels); return n == 3 ? !v || eval(t.getChild(2), labels) : v; }
            case "term3": { boolean v = eval(t.getChild(0), labels); for (int i = 2; i < n; i += 2) v = v | eval(t.getChild(i), labels); return v; }
            case "term4": { boolean v = eval(t.getChild(0), labels); for (int i = 2; i < n; i += 2) v = v & eval(t.getChild(i), labels); return v; }
            case "term5": return n == 1 ? eval(t.getChild(0), labels) : !eval(t.getChild(1), labels);
            case "term6": return n == 3 ? eval(t.getChild(1), labels) : eval(t.getChild(0), labels);
            default: throw new IllegalStateException(rule);
        }
    }

    public static void main(String[] args) {
        int cases = Integer.parseInt(args[0]);
        int accepted = 0, diffs = 0;
        for (int c = 0; c < cases; c++) {
            String text = random();
            List<String> atoms = new ArrayList<>();
            ParseTree ref = reference(text, atoms);
            LabelExpressions.Expr mine;
            try {
                mine = LabelExpressions.parse(text);
            } catch (IllegalArgumentException e) {
                mine = null;
            }
            if ((ref == null) != (mine == null)) {
                diffs++;
                if (diffs < 20) System.out.println("DIFF accept: upstream " + (ref != null) + ", port " + (mine != null) + ": " + quote(text));
                continue;
            }
            if (ref == null) continue;
            accepted++;
            atoms.add("zz");
            for (int k = 0; k < 8; k++) {
                Set<String> labels = new HashSet<>();
                for (String a : atoms) if (R.nextBoolean()) labels.add(a);
                if (eval(ref, labels) != mine.matches(labels)) {
                    diffs++;
                    if (diffs < 20) System.out.println("DIFF value for " + labels + ": " + quote(text));
                    break;
                }
            }
        }
        System.out.println("seed=" + Long.getLong("seed", 42) + " cases=" + cases + " accepted=" + accepted + " diffs=" + diffs);
        if (diffs > 0) System.exit(1);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + "\"";
    }
}

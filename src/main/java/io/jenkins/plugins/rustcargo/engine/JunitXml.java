package io.jenkins.plugins.rustcargo.engine;

import java.util.List;
import java.util.Locale;

/**
 * Writes libtest's results ({@link LibtestReport}) as a JUnit XML report, the format Jenkins'
 * {@code junit} step reads: one testsuite per test binary run, one testcase per test. Class
 * names follow the crate and module path ({@code tiny_core.tests}), with {@code -bin} for a
 * crate's binary target and {@code .doc-tests} for doc tests, so that Jenkins groups them.
 */
final class JunitXml {
    private JunitXml() {}

    static String write(List<LibtestReport.Suite> suites) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (int i = 0; i < suites.size(); i++) {
            LibtestReport.Suite suite = suites.get(i);
            LibtestReport.Binary bin = suite.binary != null ? suite.binary
                    : new LibtestReport.Binary("tests-" + (i + 1), "", false, false);
            String title = bin.source().isEmpty() ? bin.crate() : bin.crate() + " (" + bin.source() + ")";
            xml.append("  <testsuite name=\"").append(escape(title)).append("\" tests=\"").append(suite.cases.size())
                    .append("\" failures=\"").append(count(suite, "failed")).append("\" errors=\"0\" skipped=\"")
                    .append(count(suite, "skipped")).append("\" time=\"").append(seconds(suite.seconds)).append("\">\n");
            for (LibtestReport.Case c : suite.cases) {
                testCase(xml, bin, c);
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }

    private static void testCase(StringBuilder xml, LibtestReport.Binary bin, LibtestReport.Case c) {
        String prefix = bin.bin() ? bin.crate() + "-bin" : bin.doc() ? bin.crate() + ".doc-tests" : bin.crate();
        String className = prefix;
        String name = c.name();
        int sep = name.lastIndexOf("::");
        if (!bin.doc() && sep > 0) {
            className = prefix + "." + name.substring(0, sep).replace("::", ".");
            name = name.substring(sep + 2);
        }
        xml.append("    <testcase classname=\"").append(escape(className)).append("\" name=\"").append(escape(name))
                .append("\" time=\"").append(seconds(c.seconds())).append('"');
        switch (c.status()) {
            case "failed" -> xml.append(">\n      <failure message=\"").append(escape(c.message()))
                    .append("\" type=\"panic\">").append(escape(c.output())).append("</failure>\n    </testcase>\n");
            case "skipped" -> xml.append(">\n      <skipped message=\"")
                    .append(escape(c.message() == null ? "ignored" : c.message())).append("\"/>\n    </testcase>\n");
            default -> xml.append("/>\n");
        }
    }

    private static long count(LibtestReport.Suite suite, String status) {
        return suite.cases.stream().filter(c -> c.status().equals(status)).count();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** Attribute- and text-safe; drops the control characters XML 1.0 cannot carry (ANSI escapes' ESC). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : (s == null ? "" : s).toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}

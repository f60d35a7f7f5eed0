package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * libtest's JSON events, as cargo 1.95 printed them for a failing, an ignored, an integration and a
 * doc test (stdout and stderr in one stream, as the helper delivers them), become a JUnit report
 * and libtest-like log lines.
 */
class LibtestReportTest {

    private static LibtestReport feed(String sample, RecordingLog log) throws IOException {
        LibtestReport report = new LibtestReport(log);
        Files.readAllLines(Path.of("src/test/resources/libtest-json/" + sample)).forEach(report::output);
        return report;
    }

    private static Document xml(LibtestReport report) throws Exception {
        String xml = JunitXml.write(report.suites());
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testCase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void eachTestBinaryIsASuiteNamedAfterCargosRunningLine() throws Exception {
        Document doc = xml(feed("failing-ignored-integration-doc.txt", new RecordingLog("t")));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength());
        assertEquals(List.of("rbtest (unittests src/lib.rs)", "api (tests/api.rs)", "rbtest (doc-tests)"),
                List.of(((Element) suites.item(0)).getAttribute("name"), ((Element) suites.item(1)).getAttribute("name"),
                        ((Element) suites.item(2)).getAttribute("name")));
        Element first = (Element) suites.item(0);
        assertEquals("2", first.getAttribute("tests"));
        assertEquals("1", first.getAttribute("failures"));
        assertEquals("1", first.getAttribute("skipped"));
    }

    @Test
    void failuresCarryThePanicMessageAndOutputSkipsTheirReason() throws Exception {
        Document doc = xml(feed("failing-ignored-integration-doc.txt", new RecordingLog("t")));
        Element failure = (Element) testCase(doc, "fails").getElementsByTagName("failure").item(0);
        assertEquals("assertion `left == right` failed: nope", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("left: 1"), failure.getTextContent());
        assertEquals("rbtest", testCase(doc, "fails").getAttribute("classname"));
        Element skipped = (Element) testCase(doc, "slow").getElementsByTagName("skipped").item(0);
        assertEquals("slow", skipped.getAttribute("message"));
        assertEquals(0, testCase(doc, "api_works").getChildNodes().getLength(), "a passed test has no children");
        assertEquals("rbtest.doc-tests", testCase(doc, "src/lib.rs - two (line 1)").getAttribute("classname"));
        assertEquals("0.002", testCase(doc, "src/lib.rs - two (line 1)").getAttribute("time"));
    }

    @Test
    void theLogReadsLikeLibtestsTextAndKeepsCargosLines() throws Exception {
        RecordingLog log = new RecordingLog("t");
        feed("failing-ignored-integration-doc.txt", log);
        List<String> out = log.texts("output");
        assertTrue(out.contains("running 2 tests"), out.toString());
        assertTrue(out.contains("test fails ... FAILED"), out.toString());
        assertTrue(out.contains("test slow ... ignored, slow"), out.toString());
        assertTrue(out.contains("test api_works ... ok"), out.toString());
        assertTrue(out.contains("---- fails stdout ----"), out.toString());
        assertTrue(out.contains("error: test failed, to rerun pass `--lib`"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("test result: FAILED. 0 passed; 1 failed; 1 ignored;")), out.toString());
        assertFalse(out.stream().anyMatch(l -> l.contains("\"type\"")), "no raw event reaches the log: " + out);
    }

    @Test
    void modulesBecomeClassNamesAndBinaryTargetsGetTheirOwnPrefix() throws Exception {
        LibtestReport r = new LibtestReport(BuildLog.DISCARD);
        r.output("     Running unittests src/main.rs (target/debug/deps/tiny_app-0123456789abcdef)");
        r.output("{ \"type\": \"suite\", \"event\": \"started\", \"test_count\": 1 }");
        r.output("{ \"type\": \"test\", \"name\": \"cli::args::parses\", \"event\": \"ok\", \"exec_time\": 0.5 }");
        r.output("{ \"type\": \"suite\", \"event\": \"ok\", \"passed\": 1, \"failed\": 0, \"ignored\": 0, \"measured\": 0,"
                + " \"filtered_out\": 0, \"exec_time\": 0.5 }");
        Element c = testCase(xml(r), "parses");
        assertEquals("tiny_app-bin.cli.args", c.getAttribute("classname"));
        assertEquals("0.500", c.getAttribute("time"));
    }

    @Test
    void noTestsMeansAnEmptyButValidReport() throws Exception {
        LibtestReport r = new LibtestReport(BuildLog.DISCARD);
        r.output("error[E0425]: cannot find value `x` in this scope");
        r.output("{\"not\": \"an event\", \"type\": 3}");
        assertEquals(0, xml(r).getElementsByTagName("testsuite").getLength());
    }

    @Test
    void xmlEscapingDropsWhatXmlCannotCarry() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; [31mred", JunitXml.escape("a <b> & \"c\" \u001B[31mred"));
    }
}

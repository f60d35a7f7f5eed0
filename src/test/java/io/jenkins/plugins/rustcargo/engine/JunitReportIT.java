package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * junitReport on the real daemon and toolchain: a passing and a failing run of the tiny
 * workspace's tests each leave a JUnit report in the workspace, and asking for the report does
 * not make cargo rebuild what a plain cargo test built (RUSTC_BOOTSTRAP is not tracked).
 */
class JunitReportIT {

    private static Element testCase(Path xml, String name) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name + " in " + xml);
    }

    @Test
    void passingAndFailingTestsAreReportedWithoutARebuild() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("junit");
        RealBuildKit.engine(new RecordingLog("plain")).run(RealBuildKit.request(ws, ns).cacheKey("junit").args("test").build());

        RecordingLog log = new RecordingLog("report");
        RunSummary passing = RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).cacheKey("junit").args("test")
                .junitReport("target/rust-cargo-junit.xml").build()).summary();
        assertEquals(0, passing.compiled(), "the report did not make cargo rebuild: " + log.texts("output"));
        Path xml = ws.resolve("target/rust-cargo-junit.xml");
        Element renders = testCase(xml, "renders");
        assertEquals("tiny_core.tests", renders.getAttribute("classname"));
        assertEquals(0, renders.getElementsByTagName("failure").getLength());
        assertTrue(log.contains("output", "test tests::renders ... ok"), "libtest-like lines: " + log.texts("output"));

        RecordingLog failLog = new RecordingLog("failing");
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(failLog)
                .run(RealBuildKit.request(ws, ns).cacheKey("junit").args("test --workspace --features tiny-core/fail")
                        .junitReport("target/rust-cargo-junit.xml").build()));
        assertEquals("cargo test failed (exit code 101)", e.getMessage());
        Element failed = testCase(xml, "fails_on_purpose");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("assertion `left == right` failed: this test fails on purpose", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("left: \"value=1\""), failure.getTextContent());
        assertEquals(0, testCase(xml, "renders").getElementsByTagName("failure").getLength(), "renders still passed");
    }
}

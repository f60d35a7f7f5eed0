package io.jenkins.plugins.rustcargo.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import hudson.model.BuildBadgeAction;
import io.jenkins.plugins.rustcargo.engine.Json;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.ExportConfig;
import org.kohsuke.stapler.export.Flavor;
import org.kohsuke.stapler.export.ModelBuilder;
import org.kohsuke.stapler.export.TreePruner;

/**
 * What a build's {@code /api/json} says about its cargo calls, written by Stapler's own export
 * code (the real stapler jar, as Jenkins' remote API uses it), and the build-history badge.
 */
class ReportExportTest {
    private static RustCargoReportAction report() {
        RustCargoReportAction report = new RustCargoReportAction();
        report.add(CargoCall.of(RustCargoReportActionTest.summary("cargo build", 0, 4_000, 12), "Build"));
        report.add(CargoCall.of(RustCargoReportActionTest.summary("cargo test", 101, 9_000, 3), "Test"));
        return report;
    }

    /**
     * The report as {@code /job/x/1/api/json} shows it at the default depth: Jenkins prunes the
     * build's own properties at depth 1, so its actions' properties are at 2, the calls' at 3.
     */
    private static Map<String, Object> apiJson(RustCargoReportAction report) throws Exception {
        StringWriter out = new StringWriter();
        new ModelBuilder().get(RustCargoReportAction.class)
                .writeTo(report, new TreePruner.ByDepth(2), Flavor.JSON.createDataWriter(report, out, new ExportConfig()));
        return Json.parseObject(out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiJsonCarriesTotalsAndEveryCall() throws Exception {
        Map<String, Object> json = apiJson(report());
        assertEquals(15, ((Number) json.get("totalCompiled")).intValue(), json.toString());
        assertEquals(14, ((Number) json.get("totalFresh")).intValue());
        assertEquals(4, ((Number) json.get("totalDownloaded")).intValue());
        assertEquals(13_000, ((Number) json.get("totalWallMillis")).intValue());
        assertEquals(1, ((Number) json.get("failedCalls")).intValue());
        List<Map<String, Object>> calls = (List<Map<String, Object>>) json.get("calls");
        assertEquals(2, calls.size());
        Map<String, Object> test = calls.get(1);
        assertEquals("cargo test", test.get("command"));
        assertEquals("Test", test.get("stage"));
        assertEquals(101, ((Number) test.get("exitCode")).intValue());
        assertEquals(3, ((Number) test.get("compiled")).intValue());
        assertEquals(7, ((Number) test.get("fresh")).intValue());
        assertEquals(2, ((Number) test.get("downloaded")).intValue());
        assertEquals(List.of("itoa v1.0.15", "memchr v2.7.4"), test.get("downloadedCrates"));
        assertEquals(1500, ((Number) test.get("lockWaitMillis")).intValue());
        assertEquals("key", test.get("cacheKey"));
        assertEquals("unix:///run/buildkit/buildkitd.sock", test.get("daemon"), "the pool member the call ran on");
        assertEquals(List.of(Map.of("path", "release/app", "bytes", 3L * 1024 * 1024)),
                ((List<Map<String, Object>>) test.get("outputs")).stream()
                        .map(o -> Map.of("path", o.get("path"), "bytes", ((Number) o.get("bytes")).longValue())).toList());
        assertFalse(json.containsKey("run"), "no way back up to the build (it would recurse)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiJsonSaysWhyCargoRebuilt() throws Exception {
        RunSummary s = RustCargoReportActionTest.summary("cargo build", 0, 2_000, 2);
        RunSummary rebuilt = new RunSummary(s.command(), s.cacheKey(), s.targetCacheId(), s.exitCode(), s.wallMillis(),
                s.lockWaitMillis(), s.cargoMillis(), s.contextBytes(), s.compiled(), s.fresh(), s.downloaded(),
                s.downloadedCrates(), s.outputs(), s.targetBytes(), s.sweptBytes(), s.sweptUnits(), s.daemon(),
                new RunSummary.Rebuilds("2 rebuilt: source changed in tiny-core; 1 dependent", List.of(
                        new RunSummary.RebuiltUnit("tiny-core", "tiny_core", "source changed", "src/lib.rs"),
                        new RunSummary.RebuiltUnit("tiny-app", "tiny-app", "dependency rebuilt", ""))));
        RustCargoReportAction report = new RustCargoReportAction();
        report.add(CargoCall.of(rebuilt, "Build"));
        Map<String, Object> call = ((List<Map<String, Object>>) apiJson(report).get("calls")).get(0);
        assertEquals("2 rebuilt: source changed in tiny-core; 1 dependent", call.get("rebuilds"));
        assertEquals(List.of("tiny-core: source changed src/lib.rs", "tiny-app: dependency rebuilt"),
                call.get("rebuiltUnits"));
    }

    @Test
    void theBadgeSumsUpTheBuild() {
        RustCargoReportAction report = report();
        assertInstanceOf(BuildBadgeAction.class, report);
        assertEquals("Cargo: 2 call(s), 15 compiled, 14 fresh, 4 downloaded, 1 failed", report.getBadgeText());
        RustCargoReportAction ok = new RustCargoReportAction();
        ok.add(CargoCall.of(RustCargoReportActionTest.summary("cargo build", 0, 4_000, 12), null));
        assertEquals("Cargo: 1 call(s), 12 compiled, 7 fresh, 2 downloaded", ok.getBadgeText());
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: a warm build that compiles something says why, per unit and in one line, from
 * cargo's own fingerprint log, which the user does not see.
 */
class RebuildReasonsIT {

    @Test
    void sourceChangeRustflagsChangeAndDependencyBumpEachSayWhy() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("why");
        RunSummary cold = build(ws, ns, Map.of(), null);
        assertEquals(4, cold.compiled());
        assertTrue(cold.rebuilds().line().startsWith("4 rebuilt: not built before: "), cold.rebuilds().line());

        RunSummary noop = build(ws, ns, Map.of(), null);
        assertEquals(0, noop.compiled());
        assertNull(noop.rebuilds(), "nothing compiled, nothing to explain");

        Path lib = ws.resolve("tiny-core/src/lib.rs");
        Files.writeString(lib, Files.readString(lib).replace("value={}", "value: {}"));
        RecordingLog log = new RecordingLog("why-source");
        RunSummary source = build(ws, ns, Map.of(), log);
        assertEquals(2, source.compiled());
        assertEquals("2 rebuilt: source changed in tiny-core; 1 dependent", source.rebuilds().line());
        assertTrue(source.rebuilds().units().stream().anyMatch(u -> u.packageName().equals("tiny-core")
                && u.detail().equals("tiny-core/src/lib.rs")), source.rebuilds().units().toString());
        String last = log.texts("info").get(log.texts("info").size() - 1);
        assertTrue(last.endsWith("; 2 rebuilt: source changed in tiny-core; 1 dependent"), last);
        assertFalse(log.lines().stream().anyMatch(l -> l.text().contains("cargo::core::compiler::fingerprint")
                || l.text().contains("Stack backtrace")), "cargo's log stays hidden: " + log.lines());
        assertTrue(source.toJson().contains("\"rebuilds\":{"), source.toJson());

        // Another RUSTFLAGS value gets its own target cache: everything is new there.
        RunSummary flags = build(ws, ns, Map.of("RUSTFLAGS", "-C debug-assertions=on"), null);
        assertEquals(4, flags.compiled());
        assertTrue(flags.rebuilds().line().startsWith("4 rebuilt: not built before: "), flags.rebuilds().line());

        // A dependency bump: itoa 1.0.19 -> 1.0.18 in Cargo.lock.
        Path lock = ws.resolve("Cargo.lock");
        Files.writeString(lock, Files.readString(lock).replace("version = \"1.0.19\"", "version = \"1.0.18\"")
                .replace("3bd1574e617a9a6c1f8f8181bd7e841e1f20e4277607ef28945765188d6284d4",
                        "8f42a60cbdf9a97f5d2305f08a87dc4e09308d1276d28c869c684d7777685682"));
        RunSummary bump = build(ws, ns, Map.of(), null);
        assertEquals(3, bump.compiled());
        assertEquals("3 rebuilt: new version of itoa; 2 dependents", bump.rebuilds().line());
    }

    private static RunSummary build(Path ws, String ns, Map<String, String> env, RecordingLog log) throws Exception {
        return RealBuildKit.engine(log != null ? log : new RecordingLog("why")).run(RealBuildKit.request(ws, ns)
                .cargoEnv(env).args("build -p tiny-app").build()).summary();
    }
}

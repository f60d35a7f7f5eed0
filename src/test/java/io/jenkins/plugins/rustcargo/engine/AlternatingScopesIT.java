package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: two stages of one job that alternate configurations must not rebuild each
 * other's artifacts. The first round builds each configuration once; the second round must
 * compile nothing for any of them.
 */
class AlternatingScopesIT {

    @Test
    void alternatingRustflagsAndProfilesCompilesNothingTheSecondRound() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("alternate");
        Map<String, String> flagsA = Map.of("RUSTFLAGS", "-C debug-assertions=on");
        Map<String, String> flagsB = Map.of("RUSTFLAGS", "-C overflow-checks=off");

        RunSummary[] first = {build(ws, ns, "build", flagsA), build(ws, ns, "build", flagsB),
                build(ws, ns, "build", Map.of()), build(ws, ns, "build --release", Map.of())};
        for (RunSummary s : first) {
            assertEquals(4, s.compiled(), "a new configuration compiles all 4 units: " + s);
        }
        assertNotEquals(first[0].targetCacheId(), first[1].targetCacheId(), "RUSTFLAGS values get their own caches");
        assertNotEquals(first[2].targetCacheId(), first[3].targetCacheId(), "profiles get their own caches");

        RunSummary[] second = {build(ws, ns, "build", flagsA), build(ws, ns, "build", flagsB),
                build(ws, ns, "build", Map.of()), build(ws, ns, "build --release", Map.of())};
        for (int i = 0; i < second.length; i++) {
            assertEquals(0, second[i].compiled(), "round 2 rebuilt configuration " + i + ": " + second[i]);
            assertEquals(first[i].targetCacheId(), second[i].targetCacheId());
        }
    }

    /**
     * Flags that our key cannot see ({@code --config build.rustflags}) share one target cache, so
     * this measures cargo itself: it hashes RUSTFLAGS into each unit's file names, and the two
     * values do not overwrite each other in one target directory.
     */
    @Test
    void cargoKeepsTwoRustflagsApartInOneSharedTarget() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("shared-target");
        String a = "build --config 'build.rustflags=[\"-Cdebug-assertions=on\"]'";
        String b = "build --config 'build.rustflags=[\"-Coverflow-checks=off\"]'";
        RunSummary a1 = build(ws, ns, a, Map.of());
        RunSummary b1 = build(ws, ns, b, Map.of());
        assertEquals(a1.targetCacheId(), b1.targetCacheId(), "one shared target cache");
        assertEquals(4, b1.compiled(), "new flags compile every unit: " + b1);
        assertTrue(b1.rebuilds().line().startsWith("4 rebuilt: inputs changed in "), "not a version bump: "
                + b1.rebuilds().line());
        assertEquals(0, build(ws, ns, a, Map.of()).compiled(), "A's artifacts survived B's build");
        assertEquals(0, build(ws, ns, b, Map.of()).compiled(), "B's artifacts survived A's build");
    }

    private static RunSummary build(Path ws, String ns, String args, Map<String, String> env) throws Exception {
        return RealBuildKit.engine(new RecordingLog("alternate")).run(RealBuildKit.request(ws, ns)
                .cargoEnv(env).args(args).build()).summary();
    }
}

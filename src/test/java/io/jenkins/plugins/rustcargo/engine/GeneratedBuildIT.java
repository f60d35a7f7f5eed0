package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Behaviour 1 and 8: the generated build, its caches and its summary, on the real daemon. */
class GeneratedBuildIT {

    @Test
    void coldThenWarmBuildReusesBothCachesAndExcludesTargetAndGit() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        // Junk that must never be uploaded: a big file in target/ and in .git/.
        Files.createDirectories(ws.resolve("target"));
        Files.write(ws.resolve("target/junk.bin"), new byte[8 * 1024 * 1024]);
        Files.createDirectories(ws.resolve(".git"));
        Files.write(ws.resolve(".git/junk.pack"), new byte[8 * 1024 * 1024]);
        String ns = RealBuildKit.freshNamespace("generated");

        RecordingLog cold = new RecordingLog("cold");
        RunSummary first = RealBuildKit.engine(cold).run(RealBuildKit.request(ws, ns).args("build").build()).summary();
        assertTrue(first.compiled() >= 4, "cold build compiles deps and workspace crates: " + first);
        assertTrue(first.downloaded() >= 2, "itoa and memchr come from crates.io: " + first);
        assertTrue(first.contextBytes() < 1024 * 1024, "target/ and .git/ stay out of the context: " + first.contextBytes());
        assertTrue(first.targetBytes() > 0, "the helper measured the target cache");

        RecordingLog warm = new RecordingLog("warm");
        RunSummary second = RealBuildKit.engine(warm).run(RealBuildKit.request(ws, ns).args("build").build()).summary();
        assertEquals(0, second.compiled(), "nothing changed, so nothing recompiles: " + second);
        assertTrue(second.fresh() >= 4, "every unit is fresh: " + second);
        assertEquals(0, second.downloaded(), "crates come from the shared CARGO_HOME: " + second);
        assertTrue(warm.contains("info", "cargo build finished"), "summary line is printed");
    }

    @Test
    void cargoHomeIsTheCacheWhileTheImageHomeStaysOnPathAndReceivesInstalls() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("env");
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("env"))
                .args("run -q -p tiny-app -- env CARGO_HOME CARGO_INSTALL_ROOT PATH").build());
        String cargoHome = value(log, "CARGO_HOME");
        // The build step's CARGO_HOME is a throw-away view whose registry/ and git/ link into the
        // read-only cache (keyed by OS release and cargo version; see TrustLevelsIT).
        assertEquals("/tmp/rustcargo-cargo-home", cargoHome);
        assertEquals("/usr/local/cargo", value(log, "CARGO_INSTALL_ROOT"), "cargo install goes to the image layer");
        assertTrue(value(log, "PATH").contains("/usr/local/cargo/bin"), "the image's cargo bin stays on PATH");
    }

    static String value(RecordingLog log, String name) {
        String prefix = "env " + name + "=[";
        return log.texts("output").stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length(), l.length() - 1))
                .orElseThrow(() -> new AssertionError("no line for " + name + " in " + log.texts("output")));
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: a build cannot leave paths in its target cache that break {@code buildctl
 * du}, prune and GC; when du fails anyway, {@code caches} says why. On a daemon of its own, so
 * a failure here never breaks the shared one.
 */
class DaemonHealthIT {

    @Test
    void overLongPathsAreRemovedAndABrokenDuIsExplained() throws Exception {
        try (ScratchDaemon d = ScratchDaemon.start("health", Map.of())) {
            Map<String, String> env = RealBuildKit.hostEnv();
            Path ws = RealBuildKit.workspace("hostile");
            RecordingLog log = new RecordingLog("deep");
            RealBuildKit.engine(log).run(RealBuildKit.request(ws, "health").daemon(d.address).args("run -- deep")
                    .output("deep/.*").build());
            assertTrue(log.contains("output", "created a path deeper than PATH_MAX"), "the program made the path");
            assertTrue(log.contains("warn", "output search skipped") && log.contains("warn", "file name too long"),
                    "an output path too long to reach is reported: " + log.texts("warn"));
            assertTrue(log.contains("warn", "paths longer than 3072 bytes"), log.texts("warn").toString());
            List<CacheMount> mounts = new CacheInventory(new LocalBuildHost()).list(d.address, env);
            assertTrue(mounts.stream().anyMatch(m -> m.cacheId().startsWith("rustcargo/health/target/")), mounts.toString());

            // Outside rust-cargo, a plain build can still do it; then the cache commands say why.
            Path dir = Files.createTempDirectory("rustcargo-deep-");
            String df = "FROM " + RealBuildKit.image() + "\nARG RUSTCARGO_INVOCATION\n"
                    + "RUN --mount=type=cache,id=plain-deep,target=/c [\"bash\",\"-c\",\"n=$(printf %0200d 0); cd /c;"
                    + " for i in $(seq 30); do mkdir $n; cd $n; done; touch leaf /done\"]\n"
                    // Export one marker file, not the whole toolchain image (a minutes-long copy on a busy disk).
                    + "FROM scratch\nCOPY --from=0 /done /\n";
            assertEquals(0, CacheProbe.build(d.address, dir, df, env), () -> read(dir.resolve("buildctl.log")));
            RustCargoException e = assertThrows(RustCargoException.class,
                    () -> new CacheInventory(new LocalBuildHost()).list(d.address, env));
            assertTrue(!(e instanceof DaemonUnavailableException), "blamed an unreachable daemon: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("BuildKit daemon at " + d.address.addr() + " could not list its caches"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("PATH_MAX"), e.getMessage());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}

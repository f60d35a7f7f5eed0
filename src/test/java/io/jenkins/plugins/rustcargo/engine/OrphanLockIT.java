package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 8: when buildkitd crashes, the build container it started keeps running and
 * writing into the target cache, while a restarted daemon would hand the same cache to the next
 * build at once (its lock lived in the dead daemon's memory). The helper's own flock in the cache
 * makes the next build wait for the orphan.
 */
class OrphanLockIT {
    private static final int ORPHAN_SECONDS = 12;

    @Test
    void theNextBuildWaitsForAnOrphanedContainerOfTheSameCache() throws Exception {
        try (ScratchDaemon d = ScratchDaemon.start("orphan", Map.of())) {
            Path ws = RealBuildKit.workspace("hostile");
            // Compile first, so the orphan run starts writing at once.
            RealBuildKit.engine(new RecordingLog("orphan-warm")).run(RealBuildKit.request(ws, "orphan").daemon(d.address)
                    .args("build").build());
            RecordingLog first = new RecordingLog("orphan-first");
            CompletableFuture<Void> orphan = CompletableFuture.runAsync(() -> {
                try {
                    RealBuildKit.engine(first).run(RealBuildKit.request(ws, "orphan").daemon(d.address)
                            .args("run -- orphan " + ORPHAN_SECONDS).build());
                } catch (Exception expected) {
                    // the daemon dies under it
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!first.contains("output", "orphan started") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(first.contains("output", "orphan started"), first.texts("output").toString());
            d.crash();
            orphan.get(60, TimeUnit.SECONDS);
            assertTrue(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains("hostile orphan")),
                    "the build container outlived its daemon (the situation this test is about)");

            d.launch();
            RecordingLog next = new RecordingLog("orphan-next");
            RunSummary s = RealBuildKit.engine(next).run(RealBuildKit.request(ws, "orphan").daemon(d.address)
                    .args("run -- count").build()).summary();
            assertTrue(s.lockWaitMillis() > 2000, "the wait is reported as lock wait: " + s.lockWaitMillis());
            assertTrue(next.contains("output", "orphan lines: " + ORPHAN_SECONDS * 5),
                    "the next build started before the orphan finished: " + next.texts("output"));
            assertTrue(next.contains("warn", "still in use by an earlier build's helper"), next.texts("warn").toString());
            assertEquals(0, ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("hostile orphan")).count());
        }
    }
}

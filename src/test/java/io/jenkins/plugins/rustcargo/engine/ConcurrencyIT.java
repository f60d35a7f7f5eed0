package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Behaviour 1 (concurrency): different keys run in parallel and share one CARGO_HOME, so each
 * crate is downloaded once; the same key waits for the build holding it.
 */
class ConcurrencyIT {

    @Test
    void differentKeysOverlapAndDownloadEachCrateOnce() throws Exception {
        String ns = RealBuildKit.freshNamespace("parallel");
        Path a = RealBuildKit.workspace("tiny");
        Path b = RealBuildKit.workspace("tiny");
        RecordingLog logA = new RecordingLog("key-a");
        RecordingLog logB = new RecordingLog("key-b");
        List<RunSummary> results = inParallel(
                () -> RealBuildKit.engine(logA).run(RealBuildKit.request(a, ns).cacheKey("key-a").args("build").build()).summary(),
                () -> RealBuildKit.engine(logB).run(RealBuildKit.request(b, ns).cacheKey("key-b").args("build").build()).summary());
        List<String> all = new ArrayList<>(logA.downloaded());
        all.addAll(logB.downloaded());
        assertEquals(new HashSet<>(all).size(), all.size(), "no crate downloaded twice: " + all);
        assertTrue(all.size() >= 2, "itoa and memchr were downloaded: " + all);
        assertTrue(results.get(0).compiled() > 0 && results.get(1).compiled() > 0, "each key has its own target cache");
        assertTrue(results.get(0).lockWaitMillis() < 5000 && results.get(1).lockWaitMillis() < 5000,
                "different keys do not wait for each other: " + results);
    }

    @Test
    void sameKeyWaitsForTheBuildHoldingTheTargetCache() throws Exception {
        String ns = RealBuildKit.freshNamespace("locked");
        Path ws = RealBuildKit.workspace("tiny");
        RealBuildKit.engine(new RecordingLog("warmup")).run(RealBuildKit.request(ws, ns).args("build -p tiny-app").build());
        RecordingLog holder = new RecordingLog("holder");
        RecordingLog waiter = new RecordingLog("waiter");
        List<RunSummary> results = inParallel(
                () -> RealBuildKit.engine(holder).run(RealBuildKit.request(ws, ns).args("run -q -p tiny-app -- sleep 8").build()).summary(),
                () -> {
                    Thread.sleep(2500);
                    return RealBuildKit.engine(waiter).run(RealBuildKit.request(ws, ns).args("build -p tiny-app").build()).summary();
                });
        assertTrue(results.get(1).lockWaitMillis() >= 3000, "the second build waited for the lock: " + results.get(1));
        assertTrue(waiter.contains("info", "waiting for target cache `it` (held by another build)"), waiter.texts("info").toString());
    }

    @SafeVarargs
    static <T> List<T> inParallel(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps run off the caller's thread, one at a time per agent, and end up in the history. */
class SweepDispatcherTest {
    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** Waits for running sweeps: they write the history file inside the temp dir JUnit deletes. */
    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS), "sweeps finished");
    }

    private static SweepRecord done(String agent, String trigger) {
        return new SweepRecord(agent, 0, trigger, "", 1, 100, 0, 5, List.of(), "");
    }

    private static void awaitHistory(SweepHistory h, String agent, int n) throws InterruptedException {
        for (int i = 0; i < 500 && h.of(agent).size() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, h.of(agent).size());
    }

    @Test
    void theCallerNeverWaitsForTheSweep() throws Exception {
        SweepHistory h = new SweepHistory(dir.resolve("h.json"));
        SweepDispatcher d = new SweepDispatcher(pool, h, System::currentTimeMillis);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] ranOn = new Thread[1];
        assertEquals(SweepDispatcher.Outcome.STARTED, d.submit("a", "t", () -> {
            ranOn[0] = Thread.currentThread();
            release.await();
            return done("a", "t");
        }));
        assertTrue(d.runningOn("a").isPresent(), "submit returned while the sweep still runs");
        release.countDown();
        awaitHistory(h, "a", 1);
        assertNotEquals(Thread.currentThread(), ranOn[0]);
        assertTrue(d.runningOn("a").isEmpty());
    }

    @Test
    void aSecondSweepOfTheSameAgentWaitsItsTurnAndDuplicatesAreDropped() throws Exception {
        SweepHistory h = new SweepHistory(dir.resolve("h.json"));
        SweepDispatcher d = new SweepDispatcher(pool, h, System::currentTimeMillis);
        CountDownLatch release = new CountDownLatch(1);
        int[] concurrent = {0};
        int[] maxConcurrent = {0};
        SweepDispatcher.Job slow = () -> {
            synchronized (concurrent) {
                maxConcurrent[0] = Math.max(maxConcurrent[0], ++concurrent[0]);
            }
            release.await(5, TimeUnit.SECONDS);
            synchronized (concurrent) {
                concurrent[0]--;
            }
            return done("a", "hourly");
        };
        assertEquals(SweepDispatcher.Outcome.STARTED, d.submit("a", "hourly", slow));
        assertEquals(SweepDispatcher.Outcome.ALREADY_PENDING, d.submit("a", "hourly", slow), "the running sweep covers it");
        assertEquals(SweepDispatcher.Outcome.QUEUED, d.submit("a", "weekly prune", () -> done("a", "weekly prune")));
        assertEquals(SweepDispatcher.Outcome.ALREADY_PENDING, d.submit("a", "weekly prune", () -> done("a", "weekly prune")));
        assertEquals(SweepDispatcher.Outcome.STARTED, d.submit("b", "hourly", () -> done("b", "hourly")), "other agents run in parallel");
        assertEquals(1, d.waiting());
        awaitHistory(h, "b", 1);
        release.countDown();
        awaitHistory(h, "a", 2);
        assertEquals(List.of("weekly prune", "hourly"), h.of("a").stream().map(SweepRecord::getTrigger).toList());
        assertEquals(1, maxConcurrent[0]);
        assertEquals(0, d.waiting());
    }

    @Test
    void aSweepThatThrowsIsRecordedAndFreesItsAgent() throws Exception {
        SweepHistory h = new SweepHistory(dir.resolve("h.json"));
        SweepDispatcher d = new SweepDispatcher(pool, h, () -> 42);
        d.submit("a", "manual", () -> {
            throw new IllegalStateException("agent went away");
        });
        awaitHistory(h, "a", 1);
        SweepRecord r = h.of("a").get(0);
        assertEquals(List.of("java.lang.IllegalStateException: agent went away"), r.getErrors());
        assertEquals("manual", r.getTrigger());
        for (int i = 0; i < 100 && d.runningOn("a").isPresent(); i++) {
            Thread.sleep(10);
        }
        assertEquals(SweepDispatcher.Outcome.STARTED, d.submit("a", "manual", () -> done("a", "manual")));
        awaitHistory(h, "a", 2);
    }
}

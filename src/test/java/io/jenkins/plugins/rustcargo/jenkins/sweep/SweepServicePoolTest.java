package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sweeps and cache listings run on the controller's threads while buildctl works on the agents;
 * with a hundred agents they must not become a hundred threads.
 */
class SweepServicePoolTest {
    @Test
    void sweepsRunOnABoundedPoolAndTheRestWait() throws Exception {
        ExecutorService pool = new SweepService().executor();
        int tasks = SweepService.THREADS * 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            pool.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        Thread.sleep(300);
        assertEquals(SweepService.THREADS, most.get(), "never more threads than the pool has");
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS), "the waiting ones ran afterwards");
        pool.shutdown();
    }
}

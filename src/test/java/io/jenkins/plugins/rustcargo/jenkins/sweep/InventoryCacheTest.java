package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.CacheMount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache page never waits for {@code buildctl du}: it shows the last listing of each agent
 * (or "listing") at once, listings run in the background with a timeout per agent, and a slow
 * agent holds up no other.
 */
class InventoryCacheTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong now = new AtomicLong(1_000_000);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private static AgentDaemon.Inventory listed(String daemon) {
        return new AgentDaemon.Inventory(daemon, List.of(new CacheMount("rustcargo/default/cargo-home", "r1", 1024, Instant.EPOCH, false, 1)),
                null);
    }

    @Test
    void aPageViewNeverWaitsAndShowsTheListingOnceItArrives() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        InventoryCache cache = new InventoryCache(agent -> {
            if (agent.equals("slow")) {
                slow.await();
            }
            return listed("unix:///" + agent);
        }, pool, timer, 10_000, 60_000, now::get);

        long started = System.nanoTime();
        AgentDaemon.Inventory first = cache.get("slow");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 500, "no waiting for buildctl du");
        assertEquals(InventoryCache.listing(), first.problem());

        cache.get("fast");
        await(() -> cache.get("fast").problem() == null);
        assertEquals("unix:///fast", cache.get("fast").daemon(), "the fast agent is not held up by the slow one");
        assertEquals(InventoryCache.listing(), cache.get("slow").problem());
        slow.countDown();
        await(() -> cache.get("slow").problem() == null);
    }

    @Test
    void eachAgentHasItsOwnTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        InventoryCache cache = new InventoryCache(agent -> {
            never.await();
            return listed(agent);
        }, pool, timer, 200, 60_000, now::get);
        cache.get("hung");
        await(() -> !InventoryCache.listing().equals(cache.get("hung").problem()));
        assertEquals("buildctl du did not answer within 0.2 s", cache.get("hung").problem());
    }

    @Test
    void aListingIsReusedUntilItIsOldOrARefreshIsAskedFor() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        Map<String, String> daemons = new ConcurrentHashMap<>(Map.of("a", "unix:///one"));
        InventoryCache cache = new InventoryCache(agent -> {
            loads.incrementAndGet();
            return listed(daemons.get(agent));
        }, pool, timer, 10_000, 60_000, now::get);
        cache.get("a");
        await(() -> cache.get("a").problem() == null);
        for (int i = 0; i < 5; i++) {
            cache.get("a");
        }
        assertEquals(1, loads.get(), "page views within a minute reuse the listing");

        daemons.put("a", "unix:///two");
        now.addAndGet(61_000);
        assertEquals("unix:///one", cache.get("a").daemon(), "an old listing still shows while the new one loads");
        await(() -> "unix:///two".equals(cache.get("a").daemon()));

        daemons.put("a", "unix:///three");
        cache.refresh("a");
        await(() -> "unix:///three".equals(cache.get("a").daemon()));
        assertEquals(3, loads.get());
    }

    @Test
    void aFailingListingShowsWhy() throws Exception {
        InventoryCache cache = new InventoryCache(agent -> {
            throw new java.io.IOException("agent a is offline or no longer exists");
        }, pool, timer, 10_000, 60_000, now::get);
        cache.get("a");
        await(() -> !InventoryCache.listing().equals(cache.get("a").problem()));
        assertEquals("agent a is offline or no longer exists", cache.get("a").problem());
        assertEquals("", cache.get("a").daemon());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}

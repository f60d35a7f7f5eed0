package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The cache page's listings ({@code buildctl du}) of each agent. A page view never waits for an
 * agent: it gets the last listing (or {@link #listing()}) at once, and a listing older than
 * {@code maxAgeMillis} is redone in the background. Each agent's listing has its own timeout, so a
 * hung agent delays nobody and shows why.
 */
public final class InventoryCache {

    /** One agent's listing, done on a pool thread. */
    interface Source {
        AgentDaemon.Inventory load(String agent) throws Exception;
    }

    /** The last listing of one agent and when it finished; {@code pending} while a new one runs. */
    private static final class Slot {
        AgentDaemon.Inventory inventory; // null until the first listing arrives
        long listedAt = Long.MIN_VALUE;
        boolean pending;
    }

    private final Source source;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final long timeoutMillis;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Slot> slots = new HashMap<>();

    /**
     * @param timer schedules each listing's timeout ({@code jenkins.util.Timer} in Jenkins)
     */
    InventoryCache(Source source, Executor pool, ScheduledExecutorService timer, long timeoutMillis, long maxAgeMillis,
            LongSupplier clock) {
        this.source = source;
        this.pool = pool;
        this.timer = timer;
        this.timeoutMillis = timeoutMillis;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** The agent's last listing, starting a new one when there is none or it is old. Never blocks. */
    public AgentDaemon.Inventory get(String agent) {
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(agent, a -> new Slot());
            if (!slot.pending && (slot.listedAt == Long.MIN_VALUE || clock.getAsLong() - slot.listedAt > maxAgeMillis)) {
                start(agent, slot);
            }
            return slot.inventory != null ? slot.inventory : problem(listing());
        }
    }

    /** What an agent shows until its first listing arrives. */
    static String listing() {
        return Messages.InventoryCache_Listing();
    }

    /** Lists the agent again now (unless a listing already runs). */
    public void refresh(String agent) {
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(agent, a -> new Slot());
            if (!slot.pending) {
                start(agent, slot);
            }
        }
    }

    private void start(String agent, Slot slot) {
        slot.pending = true;
        FutureTask<AgentDaemon.Inventory> task = new FutureTask<>(() -> source.load(agent)) {
            @Override
            public void run() {
                // The timeout counts from when the listing starts, not from when it was queued.
                timer.schedule(() -> {
                    if (cancel(true)) {
                        store(agent, problem(Messages.InventoryCache_NoAnswer(seconds(timeoutMillis))));
                    }
                }, timeoutMillis, TimeUnit.MILLISECONDS);
                super.run();
            }

            @Override
            protected void done() {
                if (isCancelled()) {
                    return;
                }
                try {
                    store(agent, get());
                } catch (ExecutionException e) {
                    store(agent, problem(String.valueOf(e.getCause().getMessage())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            slot.pending = false; // shutting down: the next view tries again
        }
    }

    private void store(String agent, AgentDaemon.Inventory inventory) {
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(agent, a -> new Slot());
            slot.inventory = inventory;
            slot.listedAt = clock.getAsLong();
            slot.pending = false;
        }
    }

    private static AgentDaemon.Inventory problem(String why) {
        return new AgentDaemon.Inventory("", List.of(), why);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}

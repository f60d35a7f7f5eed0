package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs sweeps off the caller's thread (the Jenkins timer must never wait for buildctl), one at a
 * time per agent, and records each outcome in the {@link SweepHistory}. A sweep asked for while
 * another runs on the same agent waits in that agent's queue, because a sweep can take long
 * (it waits for each target cache's lock behind running builds) and a weekly prune must not be
 * lost behind an hourly trim. The same trigger is never queued twice, nor queued while it runs:
 * sweeps are idempotent, so the running one does the work.
 */
public final class SweepDispatcher {
    private static final Logger LOGGER = Logger.getLogger(SweepDispatcher.class.getName());

    /** The work of one sweep; it reports problems in the record rather than by throwing. */
    interface Job {
        SweepRecord run() throws InterruptedException;
    }

    /** What {@link #submit} did. */
    enum Outcome { STARTED, QUEUED, ALREADY_PENDING }

    /** A sweep asked for, for the management page. */
    public record Request(String agent, String trigger, long since, Job job) {}

    /** The running sweep of one agent and the ones waiting behind it. */
    private static final class Lane {
        Request running;
        final Queue<Request> waiting = new ArrayDeque<>();

        boolean has(String trigger) {
            return running.trigger().equals(trigger) || waiting.stream().anyMatch(r -> r.trigger().equals(trigger));
        }
    }

    private final Executor executor;
    private final SweepHistory history;
    private final LongSupplier clock;
    private final Map<String, Lane> lanes = new HashMap<>();

    SweepDispatcher(Executor executor, SweepHistory history, LongSupplier clock) {
        this.executor = executor;
        this.history = history;
        this.clock = clock;
    }

    /** Starts a sweep, or queues it behind the running sweep of the same agent. */
    Outcome submit(String agent, String trigger, Job job) {
        Request request = new Request(agent, trigger, clock.getAsLong(), job);
        synchronized (lanes) {
            Lane lane = lanes.get(agent);
            if (lane != null) {
                if (lane.has(trigger)) {
                    LOGGER.log(Level.FINE, "rust-cargo: the sweep of {0} ({1}) is already running or queued", new Object[] {agent, trigger});
                    return Outcome.ALREADY_PENDING;
                }
                lane.waiting.add(request);
                return Outcome.QUEUED;
            }
            lane = new Lane();
            lane.running = request;
            lanes.put(agent, lane);
        }
        try {
            executor.execute(() -> drain(agent));
            return Outcome.STARTED;
        } catch (RejectedExecutionException e) {
            synchronized (lanes) {
                lanes.remove(agent);
            }
            throw e;
        }
    }

    /** Runs the lane's sweeps one after another until its queue is empty. */
    private void drain(String agent) {
        while (true) {
            Request current;
            synchronized (lanes) {
                current = lanes.get(agent).running;
            }
            runAndRecord(current);
            synchronized (lanes) {
                Lane lane = lanes.get(agent);
                Request next = lane.waiting.poll();
                if (next == null) {
                    lanes.remove(agent);
                    return;
                }
                lane.running = next;
            }
        }
    }

    private void runAndRecord(Request r) {
        long start = clock.getAsLong();
        try {
            history.add(r.job().run());
        } catch (InterruptedException e) {
            history.add(SweepRecord.failed(r.agent(), start, r.trigger(), "", clock.getAsLong() - start, "interrupted"));
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOGGER.log(Level.WARNING, "rust-cargo: the sweep of " + r.agent() + " failed", e);
            history.add(SweepRecord.failed(r.agent(), start, r.trigger(), "", clock.getAsLong() - start, String.valueOf(e)));
        }
    }

    /** The sweep running on this agent, if any. */
    public Optional<Request> runningOn(String agent) {
        synchronized (lanes) {
            return lanes.values().stream().map(l -> l.running).filter(r -> r.agent().equals(agent)).findFirst();
        }
    }

    /** How many sweeps wait behind running ones, on all daemons. */
    int waiting() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
        }
    }
}

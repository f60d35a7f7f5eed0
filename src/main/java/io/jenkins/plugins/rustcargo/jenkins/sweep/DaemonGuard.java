package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Keeps agents that share one daemon (a configured {@code tcp://} address, say) from sweeping
 * it side by side or once each: sweeps of one daemon take turns, and a sweep for a trigger is
 * skipped when a successful sweep for the same trigger started on that daemon after this one was
 * asked for, because that sweep already did the work.
 */
final class DaemonGuard {
    /** The sweep itself, run while holding the daemon's turn. */
    interface Sweep {
        SweepRecord run() throws InterruptedException;
    }

    private record Done(long startedAt, String agent) {}

    private final LongSupplier clock;
    private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();
    private final Map<String, Done> lastStart = new ConcurrentHashMap<>();

    DaemonGuard(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Which daemon an address means: an address reachable from everywhere (tcp, ssh, kube-pod)
     * is one daemon whichever agent uses it; a unix socket or a local container is the agent's own.
     */
    static String daemonId(String agent, String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        boolean shared = a.startsWith("tcp://") || a.startsWith("ssh://") || a.startsWith("kube-pod://");
        return shared ? address : agent + " " + address;
    }

    /**
     * @param requestedAt when this sweep was asked for (e.g. the schedule's tick)
     * @param skipped the record to keep when another agent's sweep already covered this one;
     *     gets the agent that did
     */
    SweepRecord once(String daemonId, String trigger, long requestedAt, java.util.function.Function<String, SweepRecord> skipped,
            String agent, Sweep sweep) throws InterruptedException {
        ReentrantLock turn = turns.computeIfAbsent(daemonId, k -> new ReentrantLock());
        turn.lockInterruptibly();
        try {
            Done done = lastStart.get(daemonId + "\n" + trigger);
            if (done != null && done.startedAt() >= requestedAt) {
                return skipped.apply(done.agent());
            }
            long started = clock.getAsLong();
            SweepRecord record = sweep.run();
            if (record.isSuccessful()) {
                // A failed sweep (say, no buildctl on that agent) covers nobody: the next agent tries.
                lastStart.put(daemonId + "\n" + trigger, new Done(started, agent));
            }
            return record;
        } finally {
            turn.unlock();
        }
    }
}

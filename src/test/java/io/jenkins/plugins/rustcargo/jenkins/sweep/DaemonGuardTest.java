package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Agents sharing one daemon sweep it once per request; agents with their own daemons are independent. */
class DaemonGuardTest {
    private final AtomicLong clock = new AtomicLong(1000);
    private final DaemonGuard guard = new DaemonGuard(clock::get);
    private final AtomicInteger sweeps = new AtomicInteger();

    private SweepRecord sweep(String agent, String address, String trigger, long requestedAt) throws InterruptedException {
        return guard.once(DaemonGuard.daemonId(agent, address), trigger, requestedAt,
                by -> SweepRecord.skipped(agent, clock.get(), trigger, address, "already swept through agent " + by), agent, () -> {
                    sweeps.incrementAndGet();
                    clock.addAndGet(500);
                    return new SweepRecord(agent, clock.get(), trigger, address, 1, 1, 0, 500, List.of(), "");
                });
    }

    @Test
    void remoteAddressesAreOneDaemonForEveryAgent() {
        assertEquals(DaemonGuard.daemonId("a", "tcp://bk:1234"), DaemonGuard.daemonId("b", "tcp://bk:1234"));
        assertEquals(DaemonGuard.daemonId("a", "kube-pod://buildkitd-0"), DaemonGuard.daemonId("b", "kube-pod://buildkitd-0"));
        assertNotEquals(DaemonGuard.daemonId("a", "unix:///run/buildkit/buildkitd.sock"),
                DaemonGuard.daemonId("b", "unix:///run/buildkit/buildkitd.sock"), "the same socket path is each agent's own daemon");
        assertNotEquals(DaemonGuard.daemonId("a", "docker-container://buildkitd"), DaemonGuard.daemonId("b", "docker-container://buildkitd"));
    }

    @Test
    void aSharedDaemonIsSweptOncePerScheduleTick() throws Exception {
        long tick = clock.get();
        assertEquals("", sweep("a", "tcp://bk:1234", "nightly", tick).getNote());
        SweepRecord b = sweep("b", "tcp://bk:1234", "nightly", tick);
        assertEquals("already swept through agent a", b.getNote());
        assertEquals(1, sweeps.get());
        assertEquals("", sweep("b", "tcp://bk:1234", "weekly", tick).getNote(), "another schedule still sweeps");
        assertEquals("", sweep("c", "tcp://bk:1234", "nightly", clock.get() + 1).getNote(), "the next night sweeps again");
        assertEquals(3, sweeps.get());
    }

    @Test
    void aFailedSweepCoversNobody() throws Exception {
        long tick = clock.get();
        SweepRecord failed = guard.once(DaemonGuard.daemonId("a", "tcp://bk:1234"), "nightly", tick, by -> null, "a",
                () -> SweepRecord.failed("a", clock.get(), "nightly", "tcp://bk:1234", 0, "buildctl: not found"));
        assertEquals(List.of("buildctl: not found"), failed.getErrors());
        assertEquals("", sweep("b", "tcp://bk:1234", "nightly", tick).getNote(), "the next agent sweeps instead");
        assertEquals(1, sweeps.get());
    }

    @Test
    void agentsWithTheirOwnDaemonsAllSweep() throws Exception {
        long tick = clock.get();
        sweep("a", "unix:///run/buildkit/buildkitd.sock", "nightly", tick);
        sweep("b", "unix:///run/buildkit/buildkitd.sock", "nightly", tick);
        assertEquals(2, sweeps.get());
    }
}

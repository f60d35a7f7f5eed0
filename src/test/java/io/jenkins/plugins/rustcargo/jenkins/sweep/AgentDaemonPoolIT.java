package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.PoolDaemons;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.config.UnsavedConfiguration;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache page and the sweeps cover every daemon of a pool (two real buildkitd instances). */
class AgentDaemonPoolIT {
    private PoolDaemons pool;

    @Test
    void listsAndSweepsEveryDaemonOfThePool() throws Exception {
        pool = new PoolDaemons(2);
        String a = pool.addresses.get(0).addr();
        String b = pool.addresses.get(1).addr();
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("agent-pool");
        for (int i = 0; i < 2; i++) {
            RealBuildKit.engine(new RecordingLog("build")).run(RealBuildKit.request(ws, ns).daemon(pool.addresses.get(i))
                    .cacheKey("on-" + i).args("build -p tiny-app").build());
        }
        Map<String, String> env = RealBuildKit.hostEnv();
        env.put("BUILDKIT_HOST", a + "," + b);
        AgentDaemon agent = new AgentDaemon("it-agent", new LocalBuildHost(Files.createTempDirectory("rustcargo-it-agent-")),
                env, new UnsavedConfiguration(),
                new DaemonGuard(System::currentTimeMillis), new RecordingLog("agent-pool"), System::currentTimeMillis);

        AgentDaemon.Inventory inventory = agent.caches();
        assertNull(inventory.problem());
        assertEquals(a + ", " + b, inventory.daemon());
        List<String> targets = inventory.mounts().stream().filter(CacheMount::isTargetCache).map(CacheMount::cacheId)
                .filter(id -> id.startsWith("rustcargo/" + ns + "/")).sorted().toList();
        assertEquals(2, targets.size(), "one target cache on each daemon: " + targets);

        SweepRecord record = agent.sweep(new CacheSweeper.Settings(new SweepPolicy(0, -1), ns, -1, -1), "manual",
                System.currentTimeMillis());
        assertEquals(List.of(), record.getErrors());
        assertEquals(a + ", " + b, record.getDaemon());
        assertEquals(2, record.getTargetCaches(), "each daemon's target cache was swept");
        assertTrue(record.getBytesFreed() > 0);
    }

    @AfterEach
    void stopDaemons() throws Exception {
        if (pool != null) {
            pool.close();
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.agent.AgentBuildHost;
import io.jenkins.plugins.rustcargo.jenkins.config.UnsavedConfiguration;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduled-sweep code path end to end on the real buildkitd: an agent's build host (here
 * the local machine through the engine's {@link LocalBuildHost}, rooted where SweepService roots
 * an agent's {@link AgentBuildHost}), a target cache left by a real build, a sweep that empties
 * it under its locked mount, and a build afterwards that still works.
 */
class AgentDaemonIT {

    private static AgentDaemon agent(Path root, Map<String, String> env, RecordingLog log) {
        return new AgentDaemon("it-agent", new LocalBuildHost(root.resolve(AgentDaemon.TMP_DIR)), env, new UnsavedConfiguration(),
                new DaemonGuard(System::currentTimeMillis), log, System::currentTimeMillis);
    }

    private static RunSummary build(Path ws, String ns) throws Exception {
        return RealBuildKit.engine(new RecordingLog("agent-sweep build")).run(RealBuildKit.request(ws, ns)
                .args("build -p tiny-app").build()).summary();
    }

    @Test
    void aScheduledSweepEmptiesTheTargetCacheAndTheNextBuildStillWorks() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("agent-sweep");
        assertTrue(build(ws, ns).compiled() > 0, "the cold build filled the target cache");

        Path agentRoot = Files.createTempDirectory("rustcargo-it-agent-");
        RecordingLog log = new RecordingLog("agent-sweep");
        AgentDaemon daemon = agent(agentRoot, RealBuildKit.hostEnv(), log);

        AgentDaemon.Inventory before = daemon.caches();
        assertEquals(null, before.problem());
        assertEquals(RealBuildKit.hostEnv().get("BUILDKIT_HOST"), before.daemon(), "BUILDKIT_HOST of the agent picks the daemon");
        List<CacheMount> targets = before.mounts().stream()
                .filter(m -> m.isTargetCache() && m.cacheId().startsWith("rustcargo/" + ns + "/")).toList();
        assertEquals(1, targets.size(), "the build's target cache is listed: " + before.mounts());
        assertTrue(targets.get(0).sizeBytes() > 0);

        // Age 0: no build is using the cache, so every unit in it is stale.
        CacheSweeper.Settings settings = new CacheSweeper.Settings(new SweepPolicy(0, -1), ns, -1, -1);
        long asked = System.currentTimeMillis();
        SweepRecord record = daemon.sweep(settings, "schedule 'H 3 * * *' on 'rust'", asked);

        assertEquals(List.of(), record.getErrors());
        assertEquals("it-agent", record.getAgent());
        assertEquals(1, record.getTargetCaches());
        assertTrue(record.getBytesFreed() > 0, "the sweep freed the stale units: " + record.getBytesFreed());
        assertTrue(record.getDurationMillis() > 0);
        assertTrue(record.getStartedAt() >= asked);
        assertEquals(RealBuildKit.hostEnv().get("BUILDKIT_HOST"), record.getDaemon());
        assertTrue(log.contains("info", "swept rustcargo/" + ns + "/target/"), "per-cache lines reach the log");
        assertTrue(Files.exists(agentRoot.resolve(AgentDaemon.TMP_DIR)), "the sweep staged its files under the agent root");
        try (var left = Files.list(agentRoot.resolve(AgentDaemon.TMP_DIR))) {
            // Only the helper binaries stay: they are staged once per version and reused.
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("rustcargo-helper-")).toList(),
                    "and removed its per-sweep files again");
        }

        RunSummary after = build(ws, ns);
        assertTrue(after.compiled() > 0, "the swept units are rebuilt, and the build succeeds: " + after);
        assertEquals(0, build(ws, ns).compiled(), "the cache works as before");
    }

    @Test
    void anAgentWithoutADaemonIsReportedNotStarted() throws Exception {
        assumeFalse(Files.exists(Paths.get(BuildkitAddress.DEFAULT_SOCKET.substring("unix://".length()))),
                "a daemon listens on the default socket of this machine");
        Path home = Files.createTempDirectory("rustcargo-it-nohome-");
        Map<String, String> env = new HashMap<>(RealBuildKit.hostEnv());
        env.remove("BUILDKIT_HOST");
        env.put("HOME", home.toString());
        env.remove("RUSTCARGO_STATE_DIR");
        AgentDaemon daemon = agent(Files.createTempDirectory("rustcargo-it-agent-"), env, new RecordingLog("no-daemon"));

        SweepRecord record = daemon.sweep(new CacheSweeper.Settings(SweepPolicy.DEFAULT, null, -1, -1), "manual", 0);
        assertEquals(List.of(AgentDaemon.NO_DAEMON), record.getErrors());
        assertEquals(AgentDaemon.NO_DAEMON, daemon.caches().problem());
        assertTrue(!Files.exists(home.resolve(".local/state/rustcargo/buildkitd/buildkitd.pid")), "no embedded daemon was started");
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sweep --namespace NS --prune-*} prunes only NS's idle cache mounts. Runs on its own
 * buildkitd: a wrong filter would otherwise prune every idle cache of the shared daemon.
 */
class PruneNamespaceIT {
    private Path state;

    @AfterEach
    void stopDaemon() throws Exception {
        if (state != null) {
            ExtraDaemon.stop(state.resolve("buildkitd.pid"));
            ExtraDaemon.deleteState(state);
        }
    }

    @Test
    void pruneHonoursTheNamespace() throws Exception {
        state = Files.createTempDirectory("rustcargo-prune-ns-");
        BuildkitAddress daemon = BuildkitAddress.of("unix://" + state + "/buildkitd.sock");
        ExtraDaemon.start(state, List.of("--addr", daemon.addr()));
        Map<String, String> env = RealBuildKit.hostEnv();
        LocalBuildHost host = new LocalBuildHost();
        DaemonLocator locator = new DaemonLocator(host, new RecordingLog("probe"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (locator.probe(daemon, env) != null && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // namespace "a.b" must not take "aXb" (a regex dot) nor "a.b2" (a prefix) with it
        for (String ns : List.of("a.b", "aXb", "a.b2", "other")) {
            makeCacheMount(host, daemon, env, CacheIds.cargoHomeId(ns));
        }
        makeForeignCacheMount(host, daemon, env);
        assertEquals(Set.of("rustcargo/a.b/cargo-home", "rustcargo/aXb/cargo-home", "rustcargo/a.b2/cargo-home",
                "rustcargo/other/cargo-home", "foreign-mentions/rustcargo/a.b/x"), ids(host, daemon, env));

        RecordingLog log = new RecordingLog("sweep");
        CacheSweeper.Result r = new CacheSweeper(host, log).sweep(daemon, env,
                new CacheSweeper.Settings(SweepPolicy.NONE, "a.b", -1, 0));
        assertEquals(List.of(), r.errors());
        assertEquals(Set.of("rustcargo/aXb/cargo-home", "rustcargo/a.b2/cargo-home", "rustcargo/other/cargo-home",
                "foreign-mentions/rustcargo/a.b/x"), ids(host, daemon, env), "only namespace a.b was pruned");

        new CacheSweeper(host, log).sweep(daemon, env, new CacheSweeper.Settings(SweepPolicy.NONE, null, -1, 0));
        assertEquals(Set.of("foreign-mentions/rustcargo/a.b/x"), ids(host, daemon, env),
                "without --namespace every rust-cargo cache goes, and nothing else");
    }

    private static Set<String> ids(LocalBuildHost host, BuildkitAddress daemon, Map<String, String> env) throws Exception {
        List<String> argv = new ArrayList<>(List.of(BuildkitTools.buildctl(env)));
        argv.addAll(daemon.buildctlFlags());
        argv.addAll(List.of("du", "--filter", "type==exec.cachemount", "--format", "json"));
        ShortCommand.Result r = ShortCommand.run(host, argv, env, 60);
        assertEquals(0, r.exitCode(), r.stderrText());
        Set<String> ids = new TreeSet<>();
        Object parsed = Json.parse(String.join("\n", r.stdout()).strip());
        for (Object o : parsed instanceof List<?> l ? l : List.of()) {
            String d = String.valueOf(((Map<?, ?>) o).get("description"));
            ids.add(d.substring(d.lastIndexOf("with id \"/") + 10, d.length() - 1));
        }
        return ids;
    }

    /** One exec with a cache mount of this id, on an empty root file system (the helper is static). */
    private static void makeCacheMount(LocalBuildHost host, BuildkitAddress daemon, Map<String, String> env, String id)
            throws Exception {
        // the id in the command line too: BuildKit's build cache ignores cache mount ids, so
        // otherwise the second build would be a cache hit that never mounts its cache
        build(host, daemon, env, "--mount=type=cache,id=" + id + ",target=/c", "version\", \"" + id);
    }

    /** Not ours, though its command line mentions a rust-cargo id: prune must leave it. */
    private static void makeForeignCacheMount(LocalBuildHost host, BuildkitAddress daemon, Map<String, String> env) throws Exception {
        build(host, daemon, env, "--mount=type=cache,id=foreign-mentions/rustcargo/a.b/x,target=/c", "version\", \"/rustcargo/a.b/");
    }

    private static void build(LocalBuildHost host, BuildkitAddress daemon, Map<String, String> env, String mount, String arg)
            throws Exception {
        String tmp = host.createTempDir("rustcargo-prune-ns-");
        try {
            String dockerfile = "FROM scratch\nARG TARGETARCH\nRUN " + HelperBinaries.mounts() + " \\\n    " + mount
                    + " \\\n    [\"" + HelperBinaries.EXECUTABLE + "\", \"" + arg + "\"]\n";
            host.writeFile(tmp + "/def/Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), false);
            HelperBinaries.Staged helper = HelperBinaries.stage(host, tmp, "{}");
            List<String> argv = new ArrayList<>(List.of(BuildkitTools.buildctl(env)));
            argv.addAll(daemon.buildctlFlags());
            argv.addAll(List.of("build", "--progress", "plain", "--frontend", "dockerfile.v0",
                    "--local", "context=" + tmp + "/def", "--local", "dockerfile=" + tmp + "/def"));
            argv.addAll(HelperBinaries.buildctlFlags(helper));
            ShortCommand.Result r = ShortCommand.run(host, argv, env, 120);
            assertTrue(r.exitCode() == 0, "build failed: " + r.stderrText());
        } finally {
            host.deleteRecursively(tmp);
        }
    }
}

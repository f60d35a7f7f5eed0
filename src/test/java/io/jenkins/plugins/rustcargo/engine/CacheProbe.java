package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Looks into a namespace's caches from outside rust-cargo: a plain BuildKit build that mounts
 * the target cache and CARGO_HOME exactly as builds do (same ids, same sharing, through
 * {@link CacheIds}) and runs a shell script in the test image. Tests use it to grep every
 * cache for what must not be there.
 */
final class CacheProbe {
    private CacheProbe() {}

    /** Runs {@code script} (sh, with {@code $PROBE_VALUE} set as a secret) and returns its output. */
    static String run(String namespace, String targetCacheId, String probeValue, String script, Map<String, String> daemonEnv)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rustcargo-probe-");
        String df = "FROM " + RealBuildKit.image() + " AS probe\nARG RUSTCARGO_INVOCATION\n"
                + "RUN --mount=" + CacheIds.cargoHomeMount(namespace, false) + " \\\n    --mount=" + CacheIds.targetMount(targetCacheId)
                + " \\\n    --mount=type=secret,id=probe,env=PROBE_VALUE \\\n    "
                + Json.write(List.of("sh", "-c", "mkdir -p /out && (" + script + ") > /out/result 2>&1")) + "\n"
                + "FROM scratch\nCOPY --from=probe /out/ /\n";
        Map<String, String> env = new HashMap<>(daemonEnv);
        env.put("PROBE_VALUE", probeValue);
        int code = build(null, dir, df, env, "--secret", "id=probe,env=PROBE_VALUE");
        assertEquals(0, code, () -> "probe build failed: " + read(dir.resolve("buildctl.log")));
        return read(dir.resolve("out/result"));
    }

    /** A plain buildctl build of {@code dockerfile} in {@code dir} (exported to dir/out); its exit code. */
    static int build(BuildkitAddress daemon, Path dir, String dockerfile, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        List<String> argv = new ArrayList<>(List.of(BuildkitTools.buildctl(env)));
        if (daemon != null) {
            argv.addAll(daemon.buildctlFlags());
        }
        argv.addAll(List.of("build", "--frontend", "dockerfile.v0", "--local", "context=" + dir, "--local", "dockerfile=" + dir,
                "--opt", "build-arg:RUSTCARGO_INVOCATION=" + UUID.randomUUID(), "--output", "type=local,dest=" + dir.resolve("out")));
        argv.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("buildctl.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}

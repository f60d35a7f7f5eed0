package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Scheduled cleanup of one daemon's caches, used by the plugin's sweep schedules and
 * {@code rustcargo sweep}. Target caches are swept by a build that mounts each one exactly as
 * cargo builds do ({@code sharing=locked}), so a sweep waits for a running build instead of
 * deleting from under it. Idle cache mounts can then be pruned by age and total size.
 */
public final class CacheSweeper {
    private final BuildHost host;
    private final BuildLog log;

    public CacheSweeper(BuildHost host, BuildLog log) {
        this.host = host;
        this.log = log;
    }

    /**
     * What a sweep does.
     *
     * @param target trims every target cache of the namespace (or all namespaces when null)
     * @param pruneUnusedDays prunes idle rust-cargo cache mounts unused this long; negative: never
     * @param pruneKeepStorageMb prunes idle rust-cargo cache mounts, least recent first, until
     *     they take at most this many MB; negative: never
     */
    public record Settings(SweepPolicy target, String namespace, double pruneUnusedDays, long pruneKeepStorageMb) {}

    /** Outcome of one sweep of one daemon. */
    public record Result(int targetCaches, long targetBytesFreed, long prunedBytes, long durationMillis, List<String> errors)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public long bytesFreed() {
            return targetBytesFreed + prunedBytes;
        }
    }

    public Result sweep(BuildkitAddress daemon, Map<String, String> hostEnv, Settings settings)
            throws IOException, InterruptedException, RustCargoException {
        long start = System.nanoTime();
        List<String> errors = new ArrayList<>();
        int swept = 0;
        long freed = 0;
        for (CacheMount mount : new CacheInventory(host).list(daemon, hostEnv)) {
            var target = CacheIds.parseTargetId(mount.cacheId());
            if (target.isEmpty() || settings.namespace() != null && !settings.namespace().equals(target.get().namespace())) {
                continue;
            }
            try {
                freed += sweepOne(daemon, hostEnv, mount.cacheId(), settings.target());
                swept++;
            } catch (RustCargoException e) {
                errors.add(mount.cacheId() + ": " + e.getMessage());
            }
        }
        long pruned = prune(daemon, hostEnv, settings, errors);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        log.info("sweep of " + daemon.addr() + ": " + swept + " target caches, freed " + ProgressDecoder.bytes(freed)
                + " from targets and " + ProgressDecoder.bytes(pruned) + " by pruning, in " + ProgressDecoder.seconds(millis));
        return new Result(swept, freed, pruned, millis, errors);
    }

    private long sweepOne(BuildkitAddress daemon, Map<String, String> hostEnv, String targetId, SweepPolicy policy)
            throws IOException, InterruptedException, RustCargoException {
        String tmp = host.createTempDir("rustcargo-sweep-");
        try {
            host.writeFile(tmp + "/def/Dockerfile", dockerfile(targetId).getBytes(StandardCharsets.UTF_8), false);
            HelperBinaries.Staged helper = HelperBinaries.stage(host, tmp, sweepConfig(policy));
            List<String> argv = new ArrayList<>();
            argv.add(BuildkitTools.buildctl(hostEnv));
            argv.addAll(daemon.buildctlFlags());
            argv.addAll(List.of("build", "--progress", "rawjson", "--frontend", "dockerfile.v0",
                    "--local", "context=" + tmp + "/def", "--local", "dockerfile=" + tmp + "/def",
                    "--opt", "build-arg:RUSTCARGO_INVOCATION=" + UUID.randomUUID()));
            argv.addAll(HelperBinaries.buildctlFlags(helper));
            ProgressDecoder decoder = new ProgressDecoder(BuildLog.DISCARD);
            RunningProcess p = BuildkitTools.start(host, ProcessSpec.of(argv, hostEnv, LineSink.DISCARD, decoder::acceptLine));
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.terminate();
                throw e;
            }
            if (code != 0 || decoder.sweepEvent() == null) {
                throw new RustCargoException("sweep failed: " + BuildkitErrors.summary(decoder.allErrors()));
            }
            long freed = Json.asLong(decoder.sweepEvent().get("swept_bytes"));
            log.info("swept " + targetId + ": freed " + ProgressDecoder.bytes(freed) + ", now "
                    + ProgressDecoder.bytes(Json.asLong(decoder.sweepEvent().get("target_bytes"))));
            return freed;
        } finally {
            host.deleteRecursively(tmp);
        }
    }

    static String dockerfile(String targetId) {
        // The helper is a static binary, so an empty root file system is enough to run it.
        return "FROM scratch\nARG TARGETARCH\nARG RUSTCARGO_INVOCATION\n"
                + "RUN " + HelperBinaries.mounts() + " \\\n    --mount=" + CacheIds.targetMount(targetId) + " \\\n    "
                + Json.write(List.of(HelperBinaries.EXECUTABLE, "sweep", "--config", HelperBinaries.CONFIG_FILE)) + "\n";
    }

    private static String sweepConfig(SweepPolicy policy) {
        return Json.write(Map.of("target_dir", CacheIds.TARGET_MOUNT, "workspace", CacheIds.WORKSPACE_MOUNT,
                "sweep", Map.of("max_age_seconds", policy.maxAgeSeconds(), "max_size_bytes", policy.maxSizeBytes())));
    }

    /**
     * buildctl's filter for rust-cargo's cache mounts, of one namespace or of all. It matches the
     * mount's id as BuildKit describes it ({@code ... with id "/rustcargo/NS/..."}), not any
     * mention of rust-cargo in the command line. The value is a regex inside a quoted filter
     * string; namespaces are [A-Za-z0-9._-] only (CacheKey), so a dot, as [.], is the one
     * character to escape.
     */
    static String pruneFilter(String namespace) {
        String ns = namespace == null ? "" : namespace.replace(".", "[.]") + "/";
        return "type==exec.cachemount,description~=\"with id \\\"/" + CacheIds.PREFIX + "/" + ns + "\"";
    }

    private long prune(BuildkitAddress daemon, Map<String, String> hostEnv, Settings settings, List<String> errors)
            throws IOException, InterruptedException {
        if (settings.pruneUnusedDays() < 0 && settings.pruneKeepStorageMb() < 0) {
            return 0;
        }
        List<String> argv = new ArrayList<>();
        argv.add(BuildkitTools.buildctl(hostEnv));
        argv.addAll(daemon.buildctlFlags());
        argv.addAll(List.of("prune", "--filter", pruneFilter(settings.namespace()), "--format", "{{json .}}"));
        if (settings.pruneUnusedDays() >= 0) {
            argv.addAll(List.of("--keep-duration", Math.round(settings.pruneUnusedDays() * 24 * 3600) + "s"));
        }
        if (settings.pruneKeepStorageMb() >= 0) {
            argv.addAll(List.of("--keep-storage", Long.toString(settings.pruneKeepStorageMb())));
        }
        ShortCommand.Result r = ShortCommand.run(host, argv, hostEnv, 600);
        if (r.exitCode() != 0) {
            errors.add("prune: " + BuildkitErrors.clean(r.stderrText()));
            return 0;
        }
        long total = 0;
        for (String line : r.stdout()) {
            if (line.startsWith("{")) {
                total += Json.asLong(Json.parseObject(line).get("size"));
            }
        }
        return total;
    }
}

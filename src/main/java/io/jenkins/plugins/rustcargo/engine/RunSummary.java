package io.jenkins.plugins.rustcargo.engine;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one cargo call did, for reports and trend charts. Unit counts come from cargo's JSON
 * messages; byte counts from the helper's sweep of the target cache; {@code daemon} is the
 * address of the BuildKit daemon the build ran on.
 */
public record RunSummary(
        String command,
        String cacheKey,
        String targetCacheId,
        int exitCode,
        long wallMillis,
        long lockWaitMillis,
        long cargoMillis,
        long contextBytes,
        int compiled,
        int fresh,
        int downloaded,
        List<String> downloadedCrates,
        List<ExportedFile> outputs,
        long targetBytes,
        long sweptBytes,
        int sweptUnits,
        String daemon,
        Rebuilds rebuilds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RunSummary {
        downloadedCrates = List.copyOf(downloadedCrates);
        outputs = List.copyOf(outputs);
    }

    /** A summary without rebuild reasons (nothing compiled, or no helper summary). */
    public RunSummary(String command, String cacheKey, String targetCacheId, int exitCode, long wallMillis,
            long lockWaitMillis, long cargoMillis, long contextBytes, int compiled, int fresh, int downloaded,
            List<String> downloadedCrates, List<ExportedFile> outputs, long targetBytes, long sweptBytes,
            int sweptUnits, String daemon) {
        this(command, cacheKey, targetCacheId, exitCode, wallMillis, lockWaitMillis, cargoMillis, contextBytes,
                compiled, fresh, downloaded, downloadedCrates, outputs, targetBytes, sweptBytes, sweptUnits, daemon,
                null);
    }

    /**
     * Why cargo compiled what it compiled, from its fingerprint log (read by the helper): one line
     * such as {@code 3 rebuilt: source changed in tally; 2 dependents}, and each unit's reason.
     */
    public record Rebuilds(String line, List<RebuiltUnit> units) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Rebuilds {
            units = List.copyOf(units);
        }
    }

    /** One unit cargo compiled: its package, cargo target, reason and, for changed sources, the file. */
    public record RebuiltUnit(String packageName, String target, String reason, String detail) implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            boolean sameName = target.equals(packageName) || target.equals(packageName.replace('-', '_'));
            return packageName + (sameName ? "" : " (" + target + ")") + ": " + reason
                    + (detail == null || detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** A file copied out of the target cache into the workspace's {@code target/}. */
    public record ExportedFile(String path, long bytes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("cache_key", cacheKey);
        m.put("target_cache_id", targetCacheId);
        m.put("exit_code", exitCode);
        m.put("wall_ms", wallMillis);
        m.put("lock_wait_ms", lockWaitMillis);
        m.put("cargo_ms", cargoMillis);
        m.put("context_bytes", contextBytes);
        m.put("compiled", compiled);
        m.put("fresh", fresh);
        m.put("downloaded", downloaded);
        m.put("downloaded_crates", downloadedCrates);
        m.put("outputs", outputs.stream().map(o -> Map.of("path", o.path(), "bytes", o.bytes())).toList());
        m.put("target_bytes", targetBytes);
        m.put("swept_bytes", sweptBytes);
        m.put("swept_units", sweptUnits);
        m.put("daemon", daemon);
        if (rebuilds != null) {
            m.put("rebuilds", Map.of("line", rebuilds.line(), "units", rebuilds.units().stream()
                    .map(u -> Map.of("package", u.packageName(), "target", u.target(), "reason", u.reason(),
                            "detail", u.detail() == null ? "" : u.detail()))
                    .toList()));
        }
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }
}

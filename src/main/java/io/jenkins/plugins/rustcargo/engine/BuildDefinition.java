package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated Dockerfile, its ignore file and the helper's config for one request. Pure text:
 * it runs nothing, so it is easy to test and to show with {@code --dry-run}.
 */
public final class BuildDefinition {
    static final String OUT_DIR = "/rustcargo-out";
    /** Inside the exported out dir (see helper/export.go): the summary and the outputs. */
    static final String SUMMARY_FILE = "summary.json";
    static final String FILES_DIR = "files";
    static final String BUILD_STAGE = "build";
    static final String EXPORT_STAGE = "export";

    private final CargoRequest request;

    public BuildDefinition(CargoRequest request) {
        this.request = request;
    }

    public String dockerfile() {
        StringBuilder df = new StringBuilder();
        // No "# syntax=" line: it would make the daemon pull a frontend image from Docker Hub.
        df.append("FROM ").append(request.image()).append(" AS ").append(BUILD_STAGE).append('\n');
        df.append("ARG TARGETARCH\n");
        // A fresh value per call makes BuildKit really run cargo (tests must run every time)
        // without buildctl's no-cache flag, which would wipe the cache mounts.
        df.append("ARG RUSTCARGO_INVOCATION\n");
        for (String name : request.cargoEnv().keySet()) {
            df.append("ARG ").append(name).append('\n');
        }
        if (request.junitReport() != null) {
            // Lets the test binaries (and rustdoc's doc-test runner) accept libtest's JSON format on a
            // stable toolchain. rustc does not track it, so the units stay fresh (docs/step.md).
            df.append("ENV RUSTC_BOOTSTRAP=1\n");
        }
        df.append("WORKDIR ").append(CacheIds.WORKSPACE_MOUNT).append('\n');
        df.append("RUN --mount=type=bind,target=").append(CacheIds.WORKSPACE_MOUNT).append(",rw");
        df.append(" \\\n    ").append(HelperBinaries.mounts());
        df.append(" \\\n    --mount=").append(CacheIds.cargoHomeMount(request.namespace()));
        df.append(" \\\n    --mount=").append(CacheIds.targetMount(request.targetCacheId()));
        for (String secret : request.secretEnv()) {
            df.append(" \\\n    --mount=type=secret,id=").append(secret).append(",env=").append(secret)
                    .append(",required=true");
        }
        df.append(" \\\n    ").append(Json.write(helperArgv())).append('\n');
        // Always exported: the summary travels as a file, whatever BuildKit's log limits clip.
        df.append("FROM scratch AS ").append(EXPORT_STAGE).append('\n');
        df.append("COPY --from=").append(BUILD_STAGE).append(' ').append(OUT_DIR).append("/ /\n");
        return df.toString();
    }

    /** Keeps the workspace's own build output and VCS data out of the uploaded context. */
    public String dockerignore() {
        return "target\n.git\n";
    }

    public String stage() {
        return EXPORT_STAGE;
    }

    List<String> helperArgv() {
        List<String> argv = new ArrayList<>();
        argv.add(HelperBinaries.EXECUTABLE);
        argv.add("run");
        argv.add("--config");
        argv.add(HelperBinaries.CONFIG_FILE);
        argv.add("--");
        argv.add("cargo");
        argv.addAll(request.runArgv());
        return argv;
    }

    /** The helper's run.json (see helper/config.go). */
    public String helperConfig() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("max_age_seconds", request.sweep().maxAgeSeconds());
        sweep.put("max_size_bytes", request.sweep().maxSizeBytes());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workspace", CacheIds.WORKSPACE_MOUNT);
        config.put("target_dir", CacheIds.TARGET_MOUNT);
        config.put("cargo_home_base", CacheIds.CARGO_HOME_MOUNT);
        config.put("out_dir", OUT_DIR);
        config.put("output_regex", request.output() == null ? "" : request.output());
        config.put("freshness", request.keepFingerprints() ? "manifest" : "fingerprints");
        config.put("inject_message_format", true);
        config.put("sweep", sweep);
        config.put("secret_env", List.copyOf(request.secretEnv()));
        return Json.write(config);
    }
}

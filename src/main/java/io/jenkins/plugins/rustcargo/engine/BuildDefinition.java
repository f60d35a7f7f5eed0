package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    /** Written by the fetch step into the container's root file system, read by the build step. */
    static final String FETCH_STATE = "/opt/rustcargo-fetch/state.json";
    private static final Pattern REGISTRY_TOKEN = Pattern.compile("CARGO_REGISTRY_TOKEN|CARGO_REGISTRIES_[A-Z0-9_]+_TOKEN");

    private final CargoRequest request;

    public BuildDefinition(CargoRequest request) {
        this.request = request;
    }

    /**
     * Up to three RUN steps (docs/security.md explains why):
     * <ol>
     * <li>untrusted builds only, <b>seed</b>: copies the trusted target cache (read-only) into the
     * untrusted one when that is empty. Before the per-call ARG, so BuildKit runs it once and
     * later builds neither repeat it nor wait for the trusted cache's lock;
     * <li><b>fetch</b>: {@code cargo fetch}, with the network and CARGO_HOME writable. Only cargo
     * runs here, never a build script, proc macro or test;
     * <li><b>build</b>: the user's cargo command without network (unless trusted and
     * {@code host}), with CARGO_HOME read-only, so nothing it runs can change dependency sources.
     * </ol>
     */
    public String dockerfile() {
        StringBuilder df = new StringBuilder();
        // No "# syntax=" line: it would make the daemon pull a frontend image from Docker Hub.
        df.append("FROM ").append(request.image()).append(" AS ").append(BUILD_STAGE).append('\n');
        df.append("ARG TARGETARCH\n");
        df.append("WORKDIR ").append(CacheIds.WORKSPACE_MOUNT).append('\n');
        if (request.untrusted()) {
            df.append("RUN --network=none ").append(HelperBinaries.binaryMount());
            df.append(" \\\n    --mount=").append(CacheIds.seedMount(request.seedTargetCacheId()));
            df.append(" \\\n    --mount=").append(CacheIds.targetMount(request.targetCacheId()));
            // BuildKit's step cache key leaves cache mount ids out: name them in the argv, so
            // each pair of caches gets its own seed step.
            df.append(" \\\n    ").append(Json.write(List.of(HelperBinaries.EXECUTABLE, "seed", "--from",
                    CacheIds.SEED_MOUNT, "--to", CacheIds.TARGET_MOUNT, "--caches",
                    request.seedTargetCacheId() + " -> " + request.targetCacheId()))).append('\n');
        }
        // A fresh value per call makes BuildKit really run cargo (tests must run every time)
        // without buildctl's no-cache flag, which would wipe the cache mounts. The fetch step
        // runs every time too: a cached one would not notice a pruned CARGO_HOME.
        df.append("ARG RUSTCARGO_INVOCATION\n");
        for (String name : request.cargoEnv().keySet()) {
            df.append("ARG ").append(name).append('\n');
        }
        if (request.junitReport() != null) {
            // Lets the test binaries (and rustdoc's doc-test runner) accept libtest's JSON format on a
            // stable toolchain. rustc does not track it, so the units stay fresh (docs/step.md).
            df.append("ENV RUSTC_BOOTSTRAP=1\n");
        }
        boolean hostNetwork = request.network() == BuildNetwork.HOST;
        df.append("RUN ");
        appendCommonMounts(df);
        df.append(" \\\n    --mount=").append(CacheIds.cargoHomeMount(request.namespace(), true));
        appendSecrets(df, request.secretEnv().stream().filter(BuildDefinition::isRegistryToken).toList());
        df.append(" \\\n    ").append(Json.write(helperArgv("fetch"))).append('\n');

        df.append("RUN --network=").append(request.network().value()).append(' ');
        appendCommonMounts(df);
        df.append(" \\\n    --mount=").append(CacheIds.cargoHomeMount(request.namespace(), false));
        df.append(" \\\n    --mount=").append(CacheIds.targetMount(request.targetCacheId()));
        appendSecrets(df, request.secretEnv().stream().filter(s -> hostNetwork || !isRegistryToken(s)).toList());
        df.append(" \\\n    ").append(Json.write(helperArgv("run"))).append('\n');
        // Always exported: the summary travels as a file, whatever BuildKit's log limits clip.
        df.append("FROM scratch AS ").append(EXPORT_STAGE).append('\n');
        df.append("COPY --from=").append(BUILD_STAGE).append(' ').append(OUT_DIR).append("/ /\n");
        return df.toString();
    }

    private static void appendCommonMounts(StringBuilder df) {
        df.append("--mount=type=bind,target=").append(CacheIds.WORKSPACE_MOUNT).append(",rw");
        df.append(" \\\n    ").append(HelperBinaries.mounts());
    }

    private static void appendSecrets(StringBuilder df, List<String> names) {
        for (String secret : names) {
            df.append(" \\\n    --mount=type=secret,id=").append(secret).append(",env=").append(secret)
                    .append(",required=true");
        }
    }

    /**
     * Registry tokens are what the fetch step needs; the build step, which has no network, gets
     * them only with the host network ({@code cargo publish}), so build scripts never see them
     * otherwise.
     */
    static boolean isRegistryToken(String name) {
        return REGISTRY_TOKEN.matcher(name).matches();
    }

    /** Keeps the workspace's own build output and VCS data out of the uploaded context. */
    public String dockerignore() {
        return "target\n.git\n";
    }

    public String stage() {
        return EXPORT_STAGE;
    }

    List<String> helperArgv(String command) {
        List<String> argv = new ArrayList<>();
        argv.add(HelperBinaries.EXECUTABLE);
        argv.add(command);
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
        config.put("fetch_state", FETCH_STATE);
        config.put("untrusted", request.untrusted());
        config.put("offline", request.network() != BuildNetwork.HOST);
        config.put("sweep", sweep);
        config.put("secret_env", List.copyOf(request.secretEnv()));
        return Json.write(config);
    }
}

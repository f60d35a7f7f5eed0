package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One cargo invocation, fully validated. Build it with {@link #builder()}; {@link Builder#build()}
 * throws {@link InvalidRequestException} with a one-line message for any bad input, before
 * anything has run.
 */
public final class CargoRequest {
    /** The official image name; a registry mirror (see docs/environment.md) may serve it. */
    public static final String DEFAULT_IMAGE = "rust:1-bookworm";
    public static final String DEFAULT_NAMESPACE = "default";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** libtest's JSON events with each test's time; on stable, unlocked by RUSTC_BOOTSTRAP=1. */
    static final List<String> LIBTEST_JSON = List.of("-Z", "unstable-options", "--format", "json", "--report-time");

    private final String workspace;
    private final List<String> argv;
    private final String image;
    private final String cacheKey;
    private final String namespace;
    private final String output;
    private final boolean requireOutput;
    private final boolean keepFingerprints;
    private final Map<String, String> cargoEnv;
    private final List<String> secretEnv;
    private final BuildkitAddress daemon;
    private final List<BuildkitAddress> pool;
    private final SweepPolicy sweep;
    private final Map<String, String> hostEnv;
    private final String logFile;
    private final String junitReport;
    private final boolean untrusted;
    private final BuildNetwork network;
    private final String seedCacheKey;

    private CargoRequest(Builder b, List<String> argv) {
        this.workspace = b.workspace;
        this.argv = argv;
        this.image = b.image;
        this.cacheKey = b.cacheKey;
        this.namespace = b.namespace;
        this.output = b.output;
        this.requireOutput = b.requireOutput;
        this.keepFingerprints = b.keepFingerprints;
        this.cargoEnv = Collections.unmodifiableMap(new LinkedHashMap<>(b.cargoEnv));
        this.secretEnv = List.copyOf(b.secretEnv);
        this.daemon = b.daemon;
        this.pool = List.copyOf(b.pool);
        this.sweep = b.sweep;
        this.hostEnv = Collections.unmodifiableMap(new LinkedHashMap<>(b.hostEnv));
        this.logFile = b.logFile;
        this.junitReport = b.junitReport;
        this.untrusted = b.untrusted;
        this.network = b.network;
        this.seedCacheKey = b.seedCacheKey != null ? b.seedCacheKey : b.cacheKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Absolute path of the cargo workspace on the build host. */
    public String workspace() {
        return workspace;
    }

    /** Cargo's argv without the leading {@code cargo}. */
    public List<String> argv() {
        return argv;
    }

    public String image() {
        return image;
    }

    public String cacheKey() {
        return cacheKey;
    }

    public String namespace() {
        return namespace;
    }

    /** Output regex, or null when nothing is exported. */
    public String output() {
        return output;
    }

    public boolean requireOutput() {
        return requireOutput;
    }

    public boolean keepFingerprints() {
        return keepFingerprints;
    }

    /** Non-secret variables cargo sees (RUSTFLAGS, CARGO_PROFILE_*, ...). */
    public Map<String, String> cargoEnv() {
        return cargoEnv;
    }

    /** Names of host variables that reach cargo as BuildKit secrets, never as build args. */
    public List<String> secretEnv() {
        return secretEnv;
    }

    /** Explicit daemon address, or null to use a pool, BUILDKIT_HOST or the embedded daemon. */
    public BuildkitAddress daemon() {
        return daemon;
    }

    /** Two or more daemons to route between ({@link DaemonPool}); empty when there is no pool. */
    public List<BuildkitAddress> pool() {
        return pool;
    }

    public SweepPolicy sweep() {
        return sweep;
    }

    /** Environment of the build host's caller: HOME, BUILDKIT_HOST, DOCKER_HOST, secrets. */
    public Map<String, String> hostEnv() {
        return hostEnv;
    }

    /** Absolute path on the build host that receives a copy of cargo's output lines, or null. */
    public String logFile() {
        return logFile;
    }

    /** Where to write the JUnit report of a cargo test run, relative to {@link #workspace()}, or null. */
    public String junitReport() {
        return junitReport;
    }

    /**
     * The argv cargo really gets: {@link #argv()}, plus libtest's machine-readable output when a
     * JUnit report is wanted (the test binaries then read RUSTC_BOOTSTRAP, see BuildDefinition).
     */
    public List<String> runArgv() {
        if (junitReport == null) {
            return argv;
        }
        List<String> run = new ArrayList<>(argv);
        int dashes = run.indexOf("--");
        if (dashes < 0) {
            run.add("--");
            dashes = run.size() - 1;
        }
        run.addAll(dashes + 1, LIBTEST_JSON);
        return List.copyOf(run);
    }

    /** Untrusted builds (change requests) write only their own caches; see docs/security.md. */
    public boolean untrusted() {
        return untrusted;
    }

    /** The network of the step where build scripts and tests run. */
    public BuildNetwork network() {
        return network;
    }

    public ArtifactScope scope() {
        return ArtifactScope.of(argv, cargoEnv);
    }

    /** The target cache this build writes: the trusted one, or the untrusted builds' own. */
    public String targetCacheId() {
        return CacheIds.targetId(namespace, cacheKey, scope(), untrusted);
    }

    /**
     * The trusted target cache an untrusted build starts from when its own is empty: the one of
     * {@link Builder#seedCacheKey} (a change request's target branch), else of its own key.
     */
    public String seedTargetCacheId() {
        return CacheIds.targetId(namespace, seedCacheKey, scope(), false);
    }

    /** Mutable builder; all validation happens in {@link #build()}. */
    public static final class Builder {
        private String workspace;
        private String argsString;
        private List<String> argsList;
        private String image = DEFAULT_IMAGE;
        private String cacheKey = "default";
        private String namespace = DEFAULT_NAMESPACE;
        private String output;
        private boolean requireOutput;
        private boolean keepFingerprints = true;
        private final Map<String, String> cargoEnv = new LinkedHashMap<>();
        private final List<String> secretEnv = new ArrayList<>();
        private BuildkitAddress daemon;
        private final List<BuildkitAddress> pool = new ArrayList<>();
        private SweepPolicy sweep = SweepPolicy.DEFAULT;
        private final Map<String, String> hostEnv = new LinkedHashMap<>();
        private String logFile;
        private String junitReport;
        private boolean untrusted;
        private BuildNetwork network = BuildNetwork.NONE;
        private String seedCacheKey;

        public Builder workspace(String absolutePath) {
            this.workspace = absolutePath;
            return this;
        }

        public Builder args(String args) {
            this.argsString = args;
            this.argsList = null;
            return this;
        }

        public Builder args(List<String> args) {
            this.argsList = args;
            this.argsString = null;
            return this;
        }

        public Builder image(String image) {
            if (image != null && !image.isBlank()) {
                this.image = image.trim();
            }
            return this;
        }

        public Builder cacheKey(String cacheKey) {
            if (cacheKey != null && !cacheKey.isBlank()) {
                this.cacheKey = cacheKey.trim();
            }
            return this;
        }

        public Builder namespace(String namespace) {
            if (namespace != null && !namespace.isBlank()) {
                this.namespace = namespace.trim();
            }
            return this;
        }

        public Builder output(String regex) {
            this.output = regex == null || regex.isEmpty() ? null : regex;
            return this;
        }

        public Builder requireOutput(boolean requireOutput) {
            this.requireOutput = requireOutput;
            return this;
        }

        public Builder keepFingerprints(boolean keepFingerprints) {
            this.keepFingerprints = keepFingerprints;
            return this;
        }

        public Builder cargoEnv(String name, String value) {
            cargoEnv.put(name, value);
            return this;
        }

        public Builder cargoEnv(Map<String, String> env) {
            cargoEnv.putAll(env);
            return this;
        }

        public Builder secretEnv(String name) {
            secretEnv.add(name);
            return this;
        }

        public Builder daemon(BuildkitAddress daemon) {
            this.daemon = daemon;
            this.pool.clear();
            return this;
        }

        /** One address is {@link #daemon}; several are a pool the build picks from by its cache key. */
        public Builder daemons(List<BuildkitAddress> daemons) {
            this.pool.clear();
            this.pool.addAll(daemons);
            this.daemon = pool.size() == 1 ? pool.remove(0) : null;
            return this;
        }

        public Builder sweep(SweepPolicy sweep) {
            this.sweep = sweep == null ? SweepPolicy.DEFAULT : sweep;
            return this;
        }

        /** Also writes cargo's output lines (not rust-cargo's own) to this absolute path. */
        public Builder logFile(String absolutePath) {
            this.logFile = absolutePath == null || absolutePath.isBlank() ? null : absolutePath;
            return this;
        }

        /** Writes a JUnit XML report of a cargo test run to this path, relative to the workspace. */
        public Builder junitReport(String relativePath) {
            this.junitReport = relativePath == null || relativePath.isBlank() ? null : relativePath.trim();
            return this;
        }

        public Builder untrusted(boolean untrusted) {
            this.untrusted = untrusted;
            return this;
        }

        /** The trusted cache key an untrusted build copies its target cache from; null: its own key. */
        public Builder seedCacheKey(String key) {
            this.seedCacheKey = key == null || key.isBlank() ? null : key.trim();
            return this;
        }

        public Builder network(BuildNetwork network) {
            this.network = network == null ? BuildNetwork.NONE : network;
            return this;
        }

        /** Replaces the host environment (it is the whole environment, not an addition). */
        public Builder hostEnv(Map<String, String> env) {
            hostEnv.clear();
            hostEnv.putAll(env);
            return this;
        }

        public CargoRequest build() throws InvalidRequestException {
            if (workspace == null || workspace.isBlank()) {
                throw new InvalidRequestException("no workspace directory given: run inside a cargo workspace or pass -C DIR");
            }
            List<String> argv = argsList != null ? CargoArgs.of(argsList) : CargoArgs.parse(argsString);
            String subcommand = CargoEngine.subcommand(argv);
            if (subcommand.equals("login") || subcommand.equals("logout")) {
                throw new InvalidRequestException("cargo " + subcommand + " is refused: it changes the credentials in the CARGO_HOME"
                        + " cache that every build of the namespace shares; pass a token as a secret instead"
                        + " (e.g. --secret-env CARGO_REGISTRY_TOKEN)");
            }
            ImageReference.validate("image", image);
            CacheKey.validate("cacheKey", cacheKey);
            CacheKey.validate("cache namespace", namespace);
            if (seedCacheKey != null) {
                CacheKey.validate("seed cache key", seedCacheKey);
            }
            OutputPattern.validate(output);
            if (requireOutput && output == null) {
                throw new InvalidRequestException("requireOutput is set but no output pattern is given: add output: 'release/[^/.]+' or drop requireOutput");
            }
            for (String name : cargoEnv.keySet()) {
                checkEnvName(name);
                if (name.equals("CARGO_HOME") || name.equals("CARGO_TARGET_DIR")) {
                    throw new InvalidRequestException(name
                            + " cannot be set: rust-cargo manages it so that the caches work; remove it from the environment");
                }
            }
            for (String name : secretEnv) {
                checkEnvName(name);
                if (!hostEnv.containsKey(name)) {
                    throw new InvalidRequestException("secret variable " + name
                            + " is not set: bind it first (for example with withCredentials)");
                }
            }
            if (logFile != null && !logFile.startsWith("/")) {
                throw new InvalidRequestException("log file '" + logFile + "' must be an absolute path on the build host");
            }
            for (int i = 0; i < pool.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (pool.get(i).addr().equals(pool.get(j).addr())) {
                        throw new InvalidRequestException("BuildKit address " + pool.get(i).addr() + " is given twice");
                    }
                }
            }
            checkJunitReport(argv);
            if (untrusted && network == BuildNetwork.HOST) {
                throw new InvalidRequestException("network 'host' is refused for untrusted builds: their build scripts"
                        + " would reach the agent's own services; drop the network option or run the build as trusted");
            }
            if (sweep.maxSizeBytes() == 0) {
                throw new InvalidRequestException("target max size 0 would delete every build: use a positive size, or -1 to disable");
            }
            return new CargoRequest(this, argv);
        }

        private void checkJunitReport(List<String> argv) throws InvalidRequestException {
            if (junitReport == null) {
                return;
            }
            String problem = HostFiles.relativeProblem(junitReport);
            if (problem != null) {
                throw new InvalidRequestException("junitReport '" + junitReport + "' " + problem);
            }
            String subcommand = CargoEngine.subcommand(argv);
            if (!subcommand.equals("test") && !subcommand.equals("t")) {
                throw new InvalidRequestException("junitReport needs a cargo test command, not '" + subcommand
                        + "' (for nextest, use its own JUnit output)");
            }
            int dashes = argv.indexOf("--");
            List<String> testArgs = dashes < 0 ? List.of() : argv.subList(dashes + 1, argv.size());
            if (testArgs.stream().anyMatch(a -> a.equals("--format") || a.startsWith("--format=") || a.equals("-Z"))) {
                throw new InvalidRequestException("junitReport sets libtest's output format itself: remove --format/-Z "
                        + "after -- in args");
            }
        }

        private static void checkEnvName(String name) throws InvalidRequestException {
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw new InvalidRequestException("'" + name + "' is not a valid environment variable name");
            }
        }
    }
}

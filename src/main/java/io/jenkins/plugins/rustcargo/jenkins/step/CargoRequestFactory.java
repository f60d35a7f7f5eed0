package io.jenkins.plugins.rustcargo.jenkins.step;

import io.jenkins.plugins.rustcargo.engine.BuildNetwork;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoEnvironment;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a {@link RustCargoStep} plus its build's context into the engine's {@link CargoRequest}. */
public final class CargoRequestFactory {
    /** Agent or pipeline variables naming the mutual-TLS files for a {@code tcp://} daemon. */
    static final String TLS_CA_CERT = "RUSTCARGO_TLS_CACERT";
    static final String TLS_CERT = "RUSTCARGO_TLS_CERT";
    static final String TLS_KEY = "RUSTCARGO_TLS_KEY";
    static final String TLS_SERVER_NAME = "RUSTCARGO_TLS_SERVERNAME";
    /** Agent variables that turn the managed BuildKit container on or off and name it, over the global setting. */
    static final String MANAGED_DAEMON = "RUSTCARGO_MANAGED_DAEMON";
    static final String DAEMON_NAME = "RUSTCARGO_DAEMON_NAME";
    static final String DAEMON_IMAGE = "RUSTCARGO_DAEMON_IMAGE";

    private CargoRequestFactory() {}

    /**
     * @param workspace absolute path on the agent of the directory holding Cargo.toml
     * @param logFile absolute path on the agent for the copy of cargo's output, or null
     * @param env the step's environment (agent, build, withEnv/withCredentials/withDockerServer)
     * @param jobFullName e.g. {@code team/app/main}, the base of the derived cache key
     * @param namespace cache namespace, or null for the default
     */
    static CargoRequest create(RustCargoStep step, String workspace, String logFile, Map<String, String> env, String jobFullName,
            String namespace, StepDefaults defaults) throws InvalidRequestException {
        CargoRequest.Builder b = CargoRequest.builder()
                .workspace(workspace)
                .image(step.getImage() != null ? step.getImage() : defaults.image())
                .cacheKey(cacheKey(step, env, jobFullName))
                .namespace(namespace)
                .output(step.getOutput())
                .requireOutput(step.isRequireOutput())
                .keepFingerprints(step.isKeepFingerprints())
                .daemons(daemons(step.getAddr(), env, defaults))
                .sweep(defaults.sweepPolicy())
                .logFile(logFile)
                .junitReport(step.getJunitReport())
                .network(BuildNetwork.parse(step.getNetwork()))
                .hostEnv(env);
        boolean untrusted = untrusted(step, env);
        b.untrusted(untrusted);
        if (untrusted && step.getCacheKey() == null) {
            b.seedCacheKey(seedCacheKey(step, env, jobFullName));
        }
        if (step.getArgs() instanceof List<?> list) {
            b.args(list.stream().map(String::valueOf).toList());
        } else {
            b.args((String) step.getArgs());
        }
        Map<String, String> cargoEnv = CargoEnvironment.forwardFrom(env);
        AnsiColorConsole.applyTo(cargoEnv, env);
        // A variable named as a secret must never also travel as a (logged, cached) build arg.
        cargoEnv.keySet().removeAll(step.getSecretEnv());
        b.cargoEnv(cargoEnv);
        step.getSecretEnv().forEach(b::secretEnv);
        return b.build();
    }

    /**
     * The explicit key, else one derived from the job and the stage: Declarative and the
     * {@code stage} step set STAGE_NAME, so parallel stages get their own target caches while
     * repeated builds of a stage share theirs. A non-default {@code dir} is part of it, because
     * two cargo workspaces must not share one target directory.
     */
    static String cacheKey(RustCargoStep step, Map<String, String> env, String jobFullName) {
        if (step.getCacheKey() != null) {
            return step.getCacheKey();
        }
        String stage = env.getOrDefault("STAGE_NAME", "");
        return ".".equals(step.getDir()) ? CacheKey.derive(jobFullName, stage) : CacheKey.derive(jobFullName, stage, step.getDir());
    }

    /**
     * The step's {@code untrusted} when given; otherwise a build of a change request (branch
     * sources set {@code CHANGE_ID} for pull and merge requests) is untrusted: its workspace holds
     * someone else's code.
     */
    public static boolean untrusted(RustCargoStep step, Map<String, String> env) {
        if (step.getUntrusted() != null) {
            return step.getUntrusted();
        }
        String changeId = env.get("CHANGE_ID");
        return changeId != null && !changeId.isBlank();
    }

    /**
     * The derived key the change request's target branch builds with (its job is the sibling
     * {@code CHANGE_TARGET} in the same multibranch project, named with '/' as %2F), so the
     * change request's own target cache starts as a copy of that one. Null keeps the own key.
     */
    public static String seedCacheKey(RustCargoStep step, Map<String, String> env, String jobFullName) {
        String target = env.get("CHANGE_TARGET");
        int slash = jobFullName == null ? -1 : jobFullName.lastIndexOf('/');
        if (target == null || target.isBlank() || slash < 0) {
            return null;
        }
        String sibling = jobFullName.substring(0, slash + 1) + target.replace("%", "%25").replace("/", "%2F");
        String stage = env.getOrDefault("STAGE_NAME", "");
        return ".".equals(step.getDir()) ? CacheKey.derive(sibling, stage) : CacheKey.derive(sibling, stage, step.getDir());
    }

    /**
     * {@code addr} > {@code BUILDKIT_HOST} (agent or pipeline) > the global default > the managed
     * container; empty leaves discovery to the engine. Several addresses are a pool. TLS files
     * only apply to {@code tcp://}.
     */
    public static List<BuildkitAddress> daemons(String addr, Map<String, String> env, StepDefaults defaults) throws InvalidRequestException {
        String chosen = chosenAddress(addr, env, defaults);
        if (chosen == null) {
            ManagedDaemon.Spec managed = managedDaemon(addr, env, defaults);
            return managed == null ? List.of() : List.of(managed.address());
        }
        List<BuildkitAddress> daemons = new ArrayList<>();
        for (BuildkitAddress address : BuildkitAddress.list(chosen)) {
            daemons.add(address.addr().startsWith("tcp://")
                    ? address.withTls(env.get(TLS_CA_CERT), env.get(TLS_CERT), env.get(TLS_KEY), env.get(TLS_SERVER_NAME))
                    : address);
        }
        return daemons;
    }

    /** The first of {@link #daemons}, or null for the engine's discovery. */
    public static BuildkitAddress daemon(String addr, Map<String, String> env, StepDefaults defaults) throws InvalidRequestException {
        List<BuildkitAddress> daemons = daemons(addr, env, defaults);
        return daemons.isEmpty() ? null : daemons.get(0);
    }

    private static String chosenAddress(String addr, Map<String, String> env, StepDefaults defaults) {
        String chosen = addr;
        if (chosen == null) {
            String fromEnv = env.get("BUILDKIT_HOST");
            chosen = fromEnv != null && !fromEnv.isBlank() ? fromEnv : defaults.buildkitAddress();
        }
        return chosen == null || chosen.isBlank() ? null : chosen;
    }

    /**
     * The managed BuildKit container to build in, or null: only where no address applies, and when
     * the agent's {@code RUSTCARGO_MANAGED_DAEMON} (true/false) or else the global setting says so.
     */
    static ManagedDaemon.Spec managedDaemon(String addr, Map<String, String> env, StepDefaults defaults)
            throws InvalidRequestException {
        if (chosenAddress(addr, env, defaults) != null) {
            return null;
        }
        ManagedDaemon.Spec global = defaults.managedDaemon();
        String onAgent = env.get(MANAGED_DAEMON);
        boolean on = onAgent != null && !onAgent.isBlank() ? Boolean.parseBoolean(onAgent.trim()) : global != null;
        if (!on) {
            return null;
        }
        String name = env.getOrDefault(DAEMON_NAME, global == null ? null : global.name());
        String image = env.getOrDefault(DAEMON_IMAGE, global == null ? null : global.image());
        return ManagedDaemon.Spec.of(name, image);
    }
}

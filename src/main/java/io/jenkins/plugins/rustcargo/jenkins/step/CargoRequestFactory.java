package io.jenkins.plugins.rustcargo.jenkins.step;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoEnvironment;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import java.util.List;
import java.util.Map;

/** Turns a {@link RustCargoStep} plus its build's context into the engine's {@link CargoRequest}. */
public final class CargoRequestFactory {
    /** Agent or pipeline variables naming the mutual-TLS files for a {@code tcp://} daemon. */
    static final String TLS_CA_CERT = "RUSTCARGO_TLS_CACERT";
    static final String TLS_CERT = "RUSTCARGO_TLS_CERT";
    static final String TLS_KEY = "RUSTCARGO_TLS_KEY";
    static final String TLS_SERVER_NAME = "RUSTCARGO_TLS_SERVERNAME";

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
                .daemon(daemon(step.getAddr(), env, defaults))
                .sweep(defaults.sweepPolicy())
                .logFile(logFile)
                .junitReport(step.getJunitReport())
                .hostEnv(env);
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
     * {@code addr} > {@code BUILDKIT_HOST} (agent or pipeline) > the global default; null leaves
     * discovery to the engine. TLS files only apply to {@code tcp://}.
     */
    public static BuildkitAddress daemon(String addr, Map<String, String> env, StepDefaults defaults) throws InvalidRequestException {
        String chosen = addr;
        if (chosen == null) {
            String fromEnv = env.get("BUILDKIT_HOST");
            chosen = fromEnv != null && !fromEnv.isBlank() ? fromEnv : defaults.buildkitAddress();
        }
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        BuildkitAddress address = BuildkitAddress.of(chosen);
        if (address.addr().startsWith("tcp://")) {
            address = address.withTls(env.get(TLS_CA_CERT), env.get(TLS_CERT), env.get(TLS_KEY), env.get(TLS_SERVER_NAME));
        }
        return address;
    }
}

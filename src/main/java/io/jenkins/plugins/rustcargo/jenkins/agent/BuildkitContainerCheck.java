package io.jenkins.plugins.rustcargo.jenkins.agent;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.rustcargo.engine.Json;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceConfigurationError;
import jenkins.security.MasterToSlaveCallable;

/**
 * For {@code docker-container://NAME} addresses: checks on the agent, through the Docker API at
 * the step's {@code DOCKER_HOST}, that the BuildKit container exists and runs, so a stopped
 * container fails with one line that says how to start it instead of a buildctl stack of errors.
 * Runs in the agent JVM (sent over the channel), where DOCKER_HOST's socket is.
 *
 * <p>It is only a convenience: it fails the step only when Docker itself answered that the
 * container is missing or stopped. Whenever it cannot ask the Docker that buildctl will use (ssh
 * hosts, Docker contexts, an unreachable daemon, docker-java failing to load), it says so and lets
 * buildctl try, so it never fails a build that would have worked.
 */
public final class BuildkitContainerCheck extends MasterToSlaveCallable<BuildkitContainerCheck.Outcome, RuntimeException> {
    private static final long serialVersionUID = 2L;
    static final String SCHEME = "docker-container://";
    static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
    static final String BUILDKIT_IMAGE = "moby/buildkit:v0.32.2";

    /** What the check found: a failure line, or a note to print before going on, or neither. */
    public record Outcome(@CheckForNull String failure, @CheckForNull String note) implements Serializable {
        public static final Outcome RUNNING = new Outcome(null, null);
    }

    /** Docker's view of one container: its status ({@code running}, {@code exited}, ...), null if none. */
    interface ContainerStatus {
        @CheckForNull String of(String container) throws Exception;
    }

    private final String container;
    private final String dockerHost;
    /** DOCKER_CONFIG of the step when DOCKER_HOST was not set, to find a selected Docker context. */
    private final @CheckForNull String dockerConfig;
    private final boolean defaultHost;

    BuildkitContainerCheck(String container, String dockerHost) {
        this(container, dockerHost, false, null);
    }

    private BuildkitContainerCheck(String container, String dockerHost, boolean defaultHost, @CheckForNull String dockerConfig) {
        this.container = container;
        this.dockerHost = dockerHost;
        this.defaultHost = defaultHost;
        this.dockerConfig = dockerConfig;
    }

    /**
     * The check for {@code address}, or null when there is nothing this check can ask: another
     * scheme; a TLS-protected Docker daemon (its client certificates need Bouncy Castle, which the
     * plugin does not bundle); a Docker host docker-java cannot reach the way the docker CLI does
     * ({@code ssh://}, {@code npipe://}, ...); or a Docker context chosen through the address or
     * {@code DOCKER_CONTEXT}. buildctl still reports an unreachable container in all of these.
     */
    public static @CheckForNull BuildkitContainerCheck forAddress(@CheckForNull String address, Map<String, String> env) {
        if (address == null || !address.startsWith(SCHEME)) {
            return null;
        }
        String tlsVerify = env.get("DOCKER_TLS_VERIFY");
        if (tlsVerify != null && !tlsVerify.isEmpty() && !tlsVerify.equals("0")) {
            return null;
        }
        String name = address.substring(SCHEME.length());
        int query = name.indexOf('?');
        if (query >= 0) {
            if (name.substring(query + 1).contains("context=")) {
                return null;
            }
            name = name.substring(0, query);
        }
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return host.startsWith("unix://") || host.startsWith("tcp://") ? new BuildkitContainerCheck(name, host) : null;
        }
        if (isContext(env.get("DOCKER_CONTEXT"))) {
            return null;
        }
        return new BuildkitContainerCheck(name, DEFAULT_DOCKER_HOST, true, env.get("DOCKER_CONFIG"));
    }

    private static boolean isContext(@CheckForNull String context) {
        return context != null && !context.isBlank() && !context.equals("default");
    }

    String container() {
        return container;
    }

    String dockerHost() {
        return dockerHost;
    }

    @Override
    public Outcome call() {
        return check(this::inspect);
    }

    /** The check against {@code docker}; the seam tests use to stand in for docker-java. */
    Outcome check(ContainerStatus docker) {
        if (defaultHost) {
            String context = currentContext();
            if (isContext(context)) {
                return couldNotCheck(Messages.BuildkitContainerCheck_Context(context));
            }
        }
        String status;
        try {
            status = docker.of(container);
        } catch (Exception | LinkageError | ServiceConfigurationError e) {
            // LinkageError: docker-java's native socket support (JNA) may not load on this agent.
            return couldNotCheck(oneLine(e));
        }
        if ("running".equals(status)) {
            return Outcome.RUNNING;
        }
        String problem = status == null ? Messages.BuildkitContainerCheck_NoSuchContainer() : Messages.BuildkitContainerCheck_State(status);
        return new Outcome(Messages.BuildkitContainerCheck_NotRunning(container, dockerHost, problem, BUILDKIT_IMAGE), null);
    }

    private Outcome couldNotCheck(String why) {
        return new Outcome(null, Messages.BuildkitContainerCheck_CouldNotCheck(container, dockerHost, why));
    }

    /** The Docker CLI's selected context (config.json's currentContext) on this agent, if any. */
    private @CheckForNull String currentContext() {
        Path dir = dockerConfig == null || dockerConfig.isBlank()
                ? Paths.get(System.getProperty("user.home"), ".docker") : Paths.get(dockerConfig);
        Path config = dir.resolve("config.json");
        try {
            if (!Files.isRegularFile(config)) {
                return null;
            }
            Object context = Json.parseObject(Files.readString(config, StandardCharsets.UTF_8)).get("currentContext");
            return context instanceof String s ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String inspect(String name) {
        try (DockerClient docker = client()) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(name).exec().getState();
            if (state != null && Boolean.TRUE.equals(state.getRunning())) {
                return "running";
            }
            return state == null || state.getStatus() == null ? "unknown" : state.getStatus();
        } catch (NotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DockerClient client() {
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(dockerHost)
                .withDockerTlsVerify(false)
                .build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Messages.BuildkitContainerCheck_Unreachable(message.replaceAll("\\s+", " ").trim());
    }
}

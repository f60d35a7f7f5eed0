package io.jenkins.plugins.rustcargo.jenkins;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;

/**
 * For {@code docker-container://NAME} addresses: checks on the agent, through the Docker API at
 * the step's {@code DOCKER_HOST}, that the BuildKit container exists and runs, so a stopped
 * container fails with one line that says how to start it instead of a buildctl stack of errors.
 * Runs in the agent JVM (sent over the channel), where DOCKER_HOST's socket is.
 */
final class BuildkitContainerCheck extends MasterToSlaveCallable<String, RuntimeException> {
    private static final long serialVersionUID = 1L;
    static final String SCHEME = "docker-container://";
    static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
    static final String BUILDKIT_IMAGE = "moby/buildkit:v0.32.2";

    private final String container;
    private final String dockerHost;

    BuildkitContainerCheck(String container, String dockerHost) {
        this.container = container;
        this.dockerHost = dockerHost;
    }

    /**
     * The check for {@code address}, or null when there is nothing to check: another scheme, or
     * a TLS-protected Docker daemon (its client certificates need Bouncy Castle, which the plugin
     * does not bundle; buildctl still reports an unreachable container).
     */
    static @CheckForNull BuildkitContainerCheck forAddress(@CheckForNull String address, Map<String, String> env) {
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
            name = name.substring(0, query);
        }
        String host = env.get("DOCKER_HOST");
        return new BuildkitContainerCheck(name, host == null || host.isBlank() ? DEFAULT_DOCKER_HOST : host);
    }

    String container() {
        return container;
    }

    String dockerHost() {
        return dockerHost;
    }

    /** Null when the container runs, otherwise the one line to fail the step with. */
    @Override
    public String call() {
        String problem;
        try (DockerClient docker = client()) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container).exec().getState();
            if (state != null && Boolean.TRUE.equals(state.getRunning())) {
                return null;
            }
            problem = "its state is " + (state == null || state.getStatus() == null ? "unknown" : state.getStatus());
        } catch (NotFoundException e) {
            problem = "no such container";
        } catch (Exception e) {
            problem = "Docker is not reachable: " + oneLine(e);
        }
        return "BuildKit container " + container + " is not running on DOCKER_HOST=" + dockerHost + " (" + problem
                + "); start it with: docker run -d --name " + container + " --privileged " + BUILDKIT_IMAGE;
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
        return message.replaceAll("\\s+", " ").trim();
    }
}

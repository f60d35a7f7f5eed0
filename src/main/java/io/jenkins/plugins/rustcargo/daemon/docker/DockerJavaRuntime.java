package io.jenkins.plugins.rustcargo.daemon.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.jenkins.plugins.rustcargo.engine.ContainerRuntime;
import io.jenkins.plugins.rustcargo.engine.DaemonUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ContainerRuntime} on a Docker Engine through docker-java (zerodep transport). The
 * BuildKit container runs with the host's network and cgroup file system, SYS_ADMIN, NET_ADMIN
 * (the offline build step gets a network namespace of its own) and unconfined seccomp/AppArmor:
 * what rootful buildkitd needs to run its own containers, without
 * {@code --privileged} (which also fails where the engine itself lacks capabilities).
 */
public final class DockerJavaRuntime implements ContainerRuntime, AutoCloseable {
    static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";

    private final String endpoint;
    private final DockerClient docker;

    private DockerJavaRuntime(String endpoint, DockerClient docker) {
        this.endpoint = endpoint;
        this.docker = docker;
    }

    /**
     * The engine at {@code DOCKER_HOST} (default {@value #DEFAULT_DOCKER_HOST}). Only unix:// and
     * plain tcp:// endpoints: TLS client certificates need Bouncy Castle, which is not bundled.
     */
    public static DockerJavaRuntime fromEnvironment(Map<String, String> env) throws DaemonUnavailableException {
        String host = env.get("DOCKER_HOST");
        host = host == null || host.isBlank() ? DEFAULT_DOCKER_HOST : host.trim();
        String tls = env.get("DOCKER_TLS_VERIFY");
        if (!host.startsWith("unix://") && !host.startsWith("tcp://") || tls != null && !tls.isEmpty() && !tls.equals("0")) {
            throw new DaemonUnavailableException("the managed daemon needs a Docker Engine on a unix:// socket or a plain tcp://"
                    + " address, not DOCKER_HOST=" + host + (tls != null && !tls.isEmpty() && !tls.equals("0") ? " with TLS" : "")
                    + "; start buildkitd yourself and pass --addr, see docs/daemons.md");
        }
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder().withDockerHost(host)
                .withDockerTlsVerify(false).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(60)).build();
        return new DockerJavaRuntime(host, DockerClientImpl.getInstance(config, http));
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void ping() throws IOException {
        call(() -> docker.pingCmd().exec());
    }

    @Override
    public Optional<Container> inspect(String name) throws IOException {
        return call(() -> {
            try {
                InspectContainerResponse r = docker.inspectContainerCmd(name).exec();
                InspectContainerResponse.ContainerState state = r.getState();
                Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of()
                        : r.getConfig().getLabels();
                String image = r.getConfig() == null || r.getConfig().getImage() == null ? "" : r.getConfig().getImage();
                boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
                String status = state == null || state.getStatus() == null ? "unknown" : state.getStatus();
                return Optional.of(new Container(name, image, running, status, labels));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public boolean imagePresent(String image) throws IOException {
        return call(() -> {
            try {
                docker.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public Optional<Map<String, String>> volumeLabels(String name) throws IOException {
        return call(() -> {
            try {
                Map<String, String> labels = docker.inspectVolumeCmd(name).exec().getLabels();
                return Optional.of(labels == null ? Map.of() : labels);
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void createVolume(String name, Map<String, String> labels) throws IOException {
        call(() -> docker.createVolumeCmd().withName(name).withLabels(labels).exec());
    }

    @Override
    public boolean create(ContainerSpec spec) throws IOException {
        List<Bind> binds = new ArrayList<>();
        spec.volumes().forEach((volume, path) -> binds.add(new Bind(volume, new Volume(path))));
        binds.add(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw));
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(binds)
                .withCapAdd(Capability.SYS_ADMIN, Capability.NET_ADMIN)
                .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                .withNetworkMode("host")
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
        return call(() -> {
            try (CreateContainerCmd cmd = docker.createContainerCmd(spec.image())) {
                cmd.withName(spec.name()).withLabels(spec.labels()).withHostConfig(host);
                if (!spec.command().isEmpty()) {
                    cmd.withCmd(spec.command());
                }
                cmd.exec();
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });
    }

    @Override
    public void start(String name) throws IOException {
        call(() -> {
            try {
                docker.startContainerCmd(name).exec();
            } catch (NotModifiedException alreadyRunning) {
                // another build started it a moment ago: what we wanted
            }
            return null;
        });
    }

    @Override
    public void remove(String name) throws IOException {
        call(() -> {
            try {
                docker.removeContainerCmd(name).withForce(true).exec();
            } catch (NotFoundException gone) {
                // already removed: what we wanted
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }

    private interface DockerCall<T> {
        T run() throws Exception;
    }

    /** docker-java reports everything as unchecked exceptions; the port promises one-line IOExceptions. */
    private static <T> T call(DockerCall<T> c) throws IOException {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IOException(oneLine(e), e);
        }
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}

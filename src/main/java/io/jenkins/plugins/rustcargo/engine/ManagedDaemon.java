package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The BuildKit daemon that rust-cargo runs itself, as a container on the build host's Docker
 * Engine: reused while it runs, started when stopped, created when missing and recreated when
 * its image changes. Its state lives on a named volume, so a recreated container (an image
 * upgrade) keeps every cache. A label marks the container and the volume as ours, so a
 * container someone else named the same is never touched.
 *
 * <p>Two phases, because on Jenkins they run in different JVMs: {@link #ensureContainer} talks to
 * the Docker Engine (on the agent), {@link #awaitReady} asks buildctl whether the daemon answers.
 */
public final class ManagedDaemon {
    public static final String DEFAULT_NAME = "rustcargo-buildkitd";
    public static final String DEFAULT_IMAGE = "moby/buildkit:v0.32.2";
    /** Marks containers and volumes rust-cargo created. */
    public static final String LABEL = "io.jenkins.plugins.rustcargo.managed";
    static final String STATE_DIR = "/var/lib/buildkit";
    public static final long READY_SECONDS = 60;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][A-Za-z0-9._:/@+-]*");

    /** Which container, from which image. */
    public record Spec(String name, String image) {
        public static Spec of(String name, String image) throws InvalidRequestException {
            String n = name == null || name.isBlank() ? DEFAULT_NAME : name.trim();
            String i = image == null || image.isBlank() ? DEFAULT_IMAGE : image.trim();
            if (!NAME.matcher(n).matches()) {
                throw new InvalidRequestException("daemon name '" + n + "' is not a valid container name: use letters, digits, '_', '.' and '-'");
            }
            if (!IMAGE.matcher(i).matches()) {
                throw new InvalidRequestException("daemon image '" + i + "' is not a valid image reference, e.g. " + DEFAULT_IMAGE);
            }
            return new Spec(n, i);
        }

        /** The named volume holding the daemon's state (its caches). */
        public String volume() {
            return name + "-state";
        }

        public BuildkitAddress address() {
            return new BuildkitAddress("docker-container://" + name, null, null, null, null);
        }
    }

    private final ContainerRuntime docker;
    private final BuildLog log;

    public ManagedDaemon(ContainerRuntime docker, BuildLog log) {
        this.docker = docker;
        this.log = log;
    }

    /** Makes sure the container runs from the spec's image; returns its address. */
    public BuildkitAddress ensureContainer(Spec spec) throws DaemonUnavailableException {
        try {
            docker.ping();
        } catch (IOException e) {
            throw new DaemonUnavailableException("no Docker Engine answers at DOCKER_HOST=" + docker.endpoint() + " (" + e.getMessage()
                    + "); --managed-daemon needs one, see docs/daemons.md");
        }
        try {
            Optional<ContainerRuntime.Container> existing = docker.inspect(spec.name());
            if (existing.isPresent()) {
                ContainerRuntime.Container c = existing.get();
                if (!"true".equals(c.labels().get(LABEL))) {
                    throw new DaemonUnavailableException("container " + spec.name() + " on " + docker.endpoint()
                            + " was not created by rust-cargo (no " + LABEL + " label); remove it or choose another --daemon-name");
                }
                if (c.image().equals(spec.image())) {
                    if (c.running()) {
                        log.info("managed daemon: reusing container " + spec.name());
                    } else {
                        log.info("managed daemon: starting container " + spec.name() + " (was " + c.status() + ")");
                        docker.start(spec.name());
                    }
                    return spec.address();
                }
                requireImage(spec);
                ensureVolume(spec);
                log.info("managed daemon: recreating container " + spec.name() + " for image " + spec.image() + " (was "
                        + c.image() + "); the caches stay on volume " + spec.volume());
                docker.remove(spec.name());
            } else {
                requireImage(spec);
                ensureVolume(spec);
                log.info("managed daemon: creating container " + spec.name() + " from " + spec.image() + " with volume " + spec.volume());
            }
            if (!docker.create(new ContainerRuntime.ContainerSpec(spec.name(), spec.image(), Map.of(LABEL, "true"),
                    Map.of(spec.volume(), STATE_DIR), List.of()))) {
                // Another build created it at the same moment: use theirs.
                return ensureContainer(spec);
            }
            docker.start(spec.name());
            return spec.address();
        } catch (IOException e) {
            throw new DaemonUnavailableException("managing BuildKit container " + spec.name() + " on " + docker.endpoint()
                    + " failed: " + e.getMessage());
        }
    }

    private void requireImage(Spec spec) throws IOException, DaemonUnavailableException {
        if (!docker.imagePresent(spec.image())) {
            throw new DaemonUnavailableException("BuildKit image " + spec.image() + " is not on the Docker Engine at "
                    + docker.endpoint() + "; pull it first (docker pull " + spec.image() + ") or pass another --daemon-image");
        }
    }

    private void ensureVolume(Spec spec) throws IOException, DaemonUnavailableException {
        Optional<Map<String, String>> labels = docker.volumeLabels(spec.volume());
        if (labels.isEmpty()) {
            docker.createVolume(spec.volume(), Map.of(LABEL, "true"));
        } else if (!"true".equals(labels.get().get(LABEL))) {
            throw new DaemonUnavailableException("volume " + spec.volume() + " on " + docker.endpoint()
                    + " was not created by rust-cargo (no " + LABEL + " label); remove it or choose another --daemon-name");
        }
    }

    /**
     * Waits until buildctl on {@code host} reaches the container's daemon.
     *
     * @throws DaemonUnavailableException when it does not answer within {@code seconds}
     */
    public static void awaitReady(BuildHost host, BuildLog log, Spec spec, Map<String, String> hostEnv, long seconds)
            throws IOException, InterruptedException, DaemonUnavailableException {
        DaemonLocator locator = new DaemonLocator(host, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String problem = locator.probe(spec.address(), hostEnv);
        while (problem != null) {
            if (System.nanoTime() > deadline) {
                throw new DaemonUnavailableException("the BuildKit daemon in container " + spec.name() + " did not answer within "
                        + seconds + " s (" + BuildkitErrors.clean(problem) + "); see docker logs " + spec.name());
            }
            Thread.sleep(250);
            problem = locator.probe(spec.address(), hostEnv);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's port to a container engine (a Docker Engine on the build host), for the managed
 * BuildKit container ({@link ManagedDaemon}). Plain Java types only, so the engine stays free of
 * any client library; {@code io.jenkins.plugins.rustcargo.daemon.docker} implements it with
 * docker-java. Every method throws {@link IOException} with a short message when the engine
 * cannot be reached.
 */
public interface ContainerRuntime {

    /** Where the engine is, for messages, e.g. {@code unix:///var/run/docker.sock}. */
    String endpoint();

    /** Checks that the engine answers. */
    void ping() throws IOException;

    /** The container of that name, or empty when there is none. */
    Optional<Container> inspect(String name) throws IOException;

    boolean imagePresent(String image) throws IOException;

    /** The labels of the named volume, or empty when there is no such volume. */
    Optional<Map<String, String>> volumeLabels(String name) throws IOException;

    void createVolume(String name, Map<String, String> labels) throws IOException;

    /** Creates (does not start) the container; false when the name was taken meanwhile. */
    boolean create(ContainerSpec spec) throws IOException;

    void start(String name) throws IOException;

    /** Stops and removes the container; its volumes stay. */
    void remove(String name) throws IOException;

    /** What {@link #inspect} reports about an existing container. */
    record Container(String name, String image, boolean running, String status, Map<String, String> labels) {}

    /**
     * A container to create: its image, labels, named volumes (volume name to path in the
     * container) and the command after the image's entrypoint.
     */
    record ContainerSpec(String name, String image, Map<String, String> labels, Map<String, String> volumes,
            java.util.List<String> command) {}
}

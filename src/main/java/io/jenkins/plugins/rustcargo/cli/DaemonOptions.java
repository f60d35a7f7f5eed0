package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.daemon.docker.DockerJavaRuntime;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.DaemonLocator;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags that choose a BuildKit daemon (or a pool, or the managed container), shared by every command (a picocli mixin). */
final class DaemonOptions {
    @Option(names = "--addr", paramLabel = "ADDR", description = "BuildKit address as buildctl takes it: unix://, tcp://, "
            + "docker-container://, ... Repeat it for a pool: each build goes to the daemon its cache key ranks first "
            + "(rendezvous hashing), the next one if that does not answer. Default: $BUILDKIT_HOST, then "
            + BuildkitAddress.DEFAULT_SOCKET + " if a daemon answers there, then the embedded daemon.")
    List<String> addrs = new ArrayList<>();

    @Option(names = "--tlscacert", paramLabel = "FILE", description = "CA certificate for a tcp:// daemon (mutual TLS).")
    String tlsCaCert;

    @Option(names = "--tlscert", paramLabel = "FILE", description = "client certificate for a tcp:// daemon.")
    String tlsCert;

    @Option(names = "--tlskey", paramLabel = "FILE", description = "client key for a tcp:// daemon.")
    String tlsKey;

    @Option(names = "--tlsservername", paramLabel = "NAME", description = "server name the daemon's certificate must carry.")
    String tlsServerName;

    @Option(names = "--managed-daemon", description = "run BuildKit in a container on the Docker Engine at $DOCKER_HOST: "
            + "reuse it, start it, or create it (state on the volume NAME-state, kept when the container is recreated for "
            + "another image). See docs/daemons.md.")
    boolean managedDaemon;

    @Option(names = "--daemon-name", paramLabel = "NAME",
            description = "the managed container's name. Default: " + ManagedDaemon.DEFAULT_NAME + ".")
    String daemonName;

    @Option(names = "--daemon-image", paramLabel = "REF",
            description = "the managed container's BuildKit image (must be on the engine). Default: " + ManagedDaemon.DEFAULT_IMAGE + ".")
    String daemonImage;

    /** The daemons the user named (TLS files on each), empty to locate one, or the managed container's address. */
    List<BuildkitAddress> addresses() throws InvalidRequestException {
        ManagedDaemon.Spec managed = managed();
        if (managed != null) {
            return List.of(managed.address());
        }
        List<BuildkitAddress> list = new ArrayList<>();
        for (String a : addrs) {
            try {
                list.add(BuildkitAddress.of(a).withTls(tlsCaCert, tlsCert, tlsKey, tlsServerName));
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException("--addr: " + e.getMessage());
            }
        }
        return list;
    }

    /** The managed container to use, or null; checks that the flags fit together. */
    ManagedDaemon.Spec managed() throws InvalidRequestException {
        if (!managedDaemon) {
            if (daemonName != null || daemonImage != null) {
                throw new InvalidRequestException("--daemon-name and --daemon-image only apply with --managed-daemon");
            }
            return null;
        }
        if (!addrs.isEmpty()) {
            throw new InvalidRequestException("give --addr or --managed-daemon, not both");
        }
        return ManagedDaemon.Spec.of(daemonName, daemonImage);
    }

    /** Starts the managed container if asked to, and waits until it answers. Call after all input is checked. */
    void startManaged(Console console) throws RustCargoException, IOException, InterruptedException {
        ManagedDaemon.Spec spec = managed();
        if (spec == null) {
            return;
        }
        try (DockerJavaRuntime docker = DockerJavaRuntime.fromEnvironment(console.env())) {
            new ManagedDaemon(docker, console.log()).ensureContainer(spec);
        }
        ManagedDaemon.awaitReady(new LocalBuildHost(), console.log(), spec, console.env(), ManagedDaemon.READY_SECONDS);
    }

    /** For caches and sweep: every daemon of the pool, the managed one, or the one discovery finds. */
    List<BuildkitAddress> all(Console console, LocalBuildHost host) throws RustCargoException, IOException, InterruptedException {
        List<BuildkitAddress> daemons = addresses();
        startManaged(console);
        return daemons.isEmpty() ? List.of(new DaemonLocator(host, console.log()).locate(null, console.env())) : daemons;
    }
}

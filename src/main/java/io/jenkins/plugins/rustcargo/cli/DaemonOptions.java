package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import picocli.CommandLine.Option;

/** The flags that choose a BuildKit daemon, shared by every command (a picocli mixin). */
final class DaemonOptions {
    @Option(names = "--addr", paramLabel = "ADDR", description = "BuildKit address as buildctl takes it: unix://, tcp://, "
            + "docker-container://, ... Default: $BUILDKIT_HOST, then " + BuildkitAddress.DEFAULT_SOCKET
            + " if a daemon answers there, then the embedded daemon.")
    String addr;

    @Option(names = "--tlscacert", paramLabel = "FILE", description = "CA certificate for a tcp:// daemon (mutual TLS).")
    String tlsCaCert;

    @Option(names = "--tlscert", paramLabel = "FILE", description = "client certificate for a tcp:// daemon.")
    String tlsCert;

    @Option(names = "--tlskey", paramLabel = "FILE", description = "client key for a tcp:// daemon.")
    String tlsKey;

    @Option(names = "--tlsservername", paramLabel = "NAME", description = "server name the daemon's certificate must carry.")
    String tlsServerName;

    /** The daemon the user named, or null to locate one ($BUILDKIT_HOST, default socket, embedded). */
    BuildkitAddress address() throws InvalidRequestException {
        return addr == null ? null : BuildkitAddress.of(addr).withTls(tlsCaCert, tlsCert, tlsKey, tlsServerName);
    }
}

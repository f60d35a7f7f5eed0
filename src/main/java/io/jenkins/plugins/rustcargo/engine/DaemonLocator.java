package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which BuildKit daemon a build uses: the explicit address, then {@code BUILDKIT_HOST},
 * then a daemon already listening on the default socket, then the embedded daemon (started on
 * demand and kept running).
 */
public final class DaemonLocator {
    /** A daemon that answers at all answers `buildctl debug workers` within milliseconds. */
    static final long PROBE_SECONDS = 5;

    private final BuildHost host;
    private final BuildLog log;

    public DaemonLocator(BuildHost host, BuildLog log) {
        this.host = host;
        this.log = log;
    }

    /** The request's daemon: from its pool by cache key, else as {@link #locate} finds it. */
    public DaemonPool.Choice choose(CargoRequest request) throws IOException, InterruptedException, RustCargoException {
        if (!request.pool().isEmpty()) {
            return new DaemonPool(request.pool()).choose(this, request.namespace(), request.cacheKey(), request.hostEnv());
        }
        return new DaemonPool.Choice(locate(request.daemon(), request.hostEnv()), null);
    }

    public BuildkitAddress locate(BuildkitAddress explicit, Map<String, String> hostEnv)
            throws IOException, InterruptedException, RustCargoException {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = hostEnv.get("BUILDKIT_HOST");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return BuildkitAddress.of(fromEnv);
        }
        BuildkitAddress system = BuildkitAddress.of(BuildkitAddress.DEFAULT_SOCKET);
        if (probe(system, hostEnv) == null) {
            return system;
        }
        return new EmbeddedDaemon(host, log, hostEnv).ensureRunning();
    }

    /**
     * Like {@link #locate}, but never starts a daemon: scheduled sweeps and the cache page only
     * look at a daemon that already runs. Empty when no address is configured and nothing answers
     * on the default socket or at the embedded daemon's socket.
     */
    public Optional<BuildkitAddress> locateRunning(BuildkitAddress explicit, Map<String, String> hostEnv)
            throws IOException, InterruptedException, RustCargoException {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String fromEnv = hostEnv.get("BUILDKIT_HOST");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(BuildkitAddress.of(fromEnv));
        }
        BuildkitAddress system = BuildkitAddress.of(BuildkitAddress.DEFAULT_SOCKET);
        if (probe(system, hostEnv) == null) {
            return Optional.of(system);
        }
        return new EmbeddedDaemon(host, log, hostEnv).runningAddress();
    }

    /** Null when the daemon answers, otherwise buildctl's complaint (or a timeout note). */
    String probe(BuildkitAddress address, Map<String, String> hostEnv) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(BuildkitTools.buildctl(hostEnv));
        argv.addAll(address.buildctlFlags());
        argv.add("debug");
        argv.add("workers");
        ShortCommand.Result r;
        try {
            r = ShortCommand.run(host, argv, hostEnv, PROBE_SECONDS);
        } catch (BuildkitTools.ToolMissingException e) {
            throw e; // buildctl itself is the culprit, not the daemon
        } catch (IOException e) {
            return "cannot run buildctl (" + e.getMessage() + ")";
        }
        if (r.exitCode() == 0) {
            return null;
        }
        return r.exitCode() == -1 ? "no answer within " + PROBE_SECONDS + " s" : r.stderrText();
    }

    /** Turns an unreachable daemon into the one line users see. */
    static DaemonUnavailableException unreachable(BuildkitAddress address, String detail) {
        return new DaemonUnavailableException("BuildKit daemon at " + address.addr() + " is not reachable"
                + (detail == null || detail.isBlank() ? "" : " (" + BuildkitErrors.clean(detail) + ")") + "; "
                + address.howToStart());
    }
}

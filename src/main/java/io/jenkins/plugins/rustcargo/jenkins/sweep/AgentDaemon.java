package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.engine.BuildHost;
import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheInventory;
import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.DaemonLocator;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.jenkins.agent.AgentBuildHost;
import io.jenkins.plugins.rustcargo.jenkins.step.CargoRequestFactory;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The BuildKit daemon one agent's builds use, reached from the controller through a
 * {@link BuildHost} on the agent (in Jenkins an {@link AgentBuildHost} under the agent's root
 * directory, see {@link #TMP_DIR}), so buildctl runs on the agent exactly as in a build.
 * The daemon is found exactly as the {@code rustCargo} step finds it (the agent's
 * BUILDKIT_HOST, then the global address, then the default socket, then the embedded daemon),
 * except that a daemon is never started: an agent with none has nothing to sweep or list.
 */
public final class AgentDaemon {
    /** Under the agent's root directory: the short-lived Dockerfile and helper of each sweep. */
    static final String TMP_DIR = "rust-cargo-tmp";
    static final String NO_DAEMON = "no BuildKit daemon is running on this agent (no address configured, no BUILDKIT_HOST,"
            + " nothing answers on the default socket or at the embedded daemon's socket)";

    private final String agent;
    private final BuildHost host;
    private final Map<String, String> env;
    private final StepDefaults defaults;
    private final DaemonGuard guard;
    private final BuildLog log;
    private final LongSupplier clock;

    /**
     * @param host the agent's files and processes, its temporary files under {@link #TMP_DIR}
     * @param env the agent's environment (where BUILDKIT_HOST, HOME and RUSTCARGO_* come from)
     * @param defaults the global configuration (its BuildKit address)
     * @param guard shared by all agents, so a daemon they share is swept once per trigger
     */
    AgentDaemon(String agent, BuildHost host, Map<String, String> env, StepDefaults defaults, DaemonGuard guard, BuildLog log,
            LongSupplier clock) {
        this.agent = agent;
        this.host = host;
        this.env = env;
        this.defaults = defaults;
        this.guard = guard;
        this.log = log;
        this.clock = clock;
    }

    /** The cache mounts of the daemon, or why they cannot be listed. */
    public record Inventory(String daemon, List<CacheMount> mounts, String problem) {}

    /**
     * Sweeps every target cache of the daemon under its own {@code locked} mount (so never from
     * under a running build), then prunes idle cache mounts as the settings say.
     * Every failure ends up in the record's errors; only an interrupt escapes.
     *
     * @param requestedAt when the sweep was asked for (the schedule's minute, the button's click)
     */
    SweepRecord sweep(CacheSweeper.Settings settings, String trigger, long requestedAt) throws InterruptedException {
        long start = clock.getAsLong();
        String address = "";
        try {
            List<BuildkitAddress> pool = pool();
            if (pool.size() > 1) {
                List<SweepRecord> parts = new ArrayList<>();
                for (BuildkitAddress d : pool) {
                    parts.add(guard.once(DaemonGuard.daemonId(agent, d.addr()), trigger, requestedAt,
                            by -> SweepRecord.skipped(agent, start, trigger, d.addr(), "already swept through agent " + by),
                            agent, () -> sweepNow(d, settings, trigger)));
                }
                return SweepRecord.combine(agent, start, trigger, parts);
            }
            Optional<BuildkitAddress> daemon = locate();
            if (daemon.isEmpty()) {
                return SweepRecord.failed(agent, start, trigger, "", clock.getAsLong() - start, NO_DAEMON);
            }
            String addr = daemon.get().addr();
            address = addr;
            return guard.once(DaemonGuard.daemonId(agent, addr), trigger, requestedAt,
                    by -> SweepRecord.skipped(agent, start, trigger, addr, "already swept through agent " + by),
                    agent, () -> sweepNow(daemon.get(), settings, trigger));
        } catch (RustCargoException | IOException e) {
            return SweepRecord.failed(agent, start, trigger, address, clock.getAsLong() - start, String.valueOf(e.getMessage()));
        }
    }

    private SweepRecord sweepNow(BuildkitAddress daemon, CacheSweeper.Settings settings, String trigger) throws InterruptedException {
        long start = clock.getAsLong();
        try {
            return SweepRecord.of(agent, start, trigger, daemon.addr(), new CacheSweeper(host, log).sweep(daemon, env, settings));
        } catch (RustCargoException | IOException e) {
            return SweepRecord.failed(agent, start, trigger, daemon.addr(), clock.getAsLong() - start, String.valueOf(e.getMessage()));
        }
    }

    /** Lists the daemon's cache mounts ({@code buildctl du}); of every daemon of a pool. */
    Inventory caches() throws InterruptedException {
        String address = "";
        try {
            List<BuildkitAddress> pool = pool();
            if (pool.size() > 1) {
                List<CacheMount> mounts = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (BuildkitAddress d : pool) {
                    try {
                        mounts.addAll(new CacheInventory(host).list(d, env));
                    } catch (RustCargoException | IOException e) {
                        problems.add(String.valueOf(e.getMessage()));
                    }
                }
                return new Inventory(String.join(", ", pool.stream().map(BuildkitAddress::addr).toList()), mounts,
                        problems.isEmpty() ? null : String.join("; ", problems));
            }
            Optional<BuildkitAddress> daemon = locate();
            if (daemon.isEmpty()) {
                return new Inventory("", List.of(), NO_DAEMON);
            }
            address = daemon.get().addr();
            return new Inventory(address, new CacheInventory(host).list(daemon.get(), env), null);
        } catch (RustCargoException | IOException e) {
            return new Inventory(address, List.of(), String.valueOf(e.getMessage()));
        }
    }

    /** The configured pool (two or more daemons), or one daemon or none: then {@link #locate} applies. */
    private List<BuildkitAddress> pool() throws RustCargoException {
        return CargoRequestFactory.daemons(null, env, defaults);
    }

    /** The step's own choice ({@link CargoRequestFactory#daemon}), TLS files included; then discovery. */
    private Optional<BuildkitAddress> locate() throws IOException, InterruptedException, RustCargoException {
        return new DaemonLocator(host, log).locateRunning(CargoRequestFactory.daemon(null, env, defaults), env);
    }
}

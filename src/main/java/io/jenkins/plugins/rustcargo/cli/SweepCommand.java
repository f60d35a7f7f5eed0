package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.Amounts;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.engine.Sizes;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rustcargo sweep}: the cache housekeeping the plugin schedules, by hand. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpWidth = Main.HELP_WIDTH,
        description = {"Trim target caches; prune idle cache mounts.", "",
            "Trims rust-cargo's target caches on the daemon (each daemon of a pool given with several --addr; of --namespace, or of every namespace), waiting for a build "
                + "that holds one instead of deleting from under it; then, with --prune-*, prunes idle rust-cargo cache "
                + "mounts (of --namespace, or of every namespace). Never touches caches of other BuildKit users.", ""})
final class SweepCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Option(names = "--namespace", paramLabel = "NAME", description = "only this cache namespace. Default: every namespace.")
    String namespace;

    @Option(names = "--max-age-days", paramLabel = "N",
            description = "remove target units not used for N days (0: every unit; -1: never). Default: ${DEFAULT-VALUE}.")
    String maxAgeDays = "7";

    @Option(names = "--max-size", paramLabel = "SIZE",
            description = "remove least recently used units until each target cache fits, e.g. 20G (-1: never). Default: ${DEFAULT-VALUE}.")
    String maxSize = "20G";

    @Option(names = "--prune-unused-days", paramLabel = "N",
            description = "prune idle rust-cargo cache mounts (never one in use) not used for N days. Default: never.")
    String pruneUnusedDays = "-1";

    @Option(names = "--prune-keep-storage", paramLabel = "MB",
            description = "prune idle rust-cargo cache mounts, least recent first, until they take at most MB megabytes. Default: never.")
    String pruneKeepStorage = "-1";

    SweepCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws RustCargoException, IOException, InterruptedException {
        if (namespace != null) {
            CacheKey.validate("--namespace", namespace);
        }
        CacheSweeper.Settings settings = new CacheSweeper.Settings(
                new SweepPolicy(Amounts.days("--max-age-days", maxAgeDays, SweepPolicy.DEFAULT.maxAgeDays()),
                        Sizes.parse("--max-size", maxSize, SweepPolicy.DEFAULT.maxSizeBytes())),
                namespace, Amounts.days("--prune-unused-days", pruneUnusedDays, -1),
                Amounts.whole("--prune-keep-storage", pruneKeepStorage, -1));
        LocalBuildHost host = new LocalBuildHost();
        List<BuildkitAddress> daemons = daemon.all(console, host);
        int code = 0;
        for (BuildkitAddress addr : daemons) {
            try {
                CacheSweeper.Result r = new CacheSweeper(host, console.log()).sweep(addr, console.env(), settings);
                r.errors().forEach(e -> console.log().warn(e));
                code = r.errors().isEmpty() ? code : Main.FAILURE;
            } catch (RustCargoException e) {
                if (daemons.size() == 1) {
                    throw e;
                }
                // One unreachable daemon of a pool must not keep the others unswept.
                console.error(e.getMessage());
                code = Main.FAILURE;
            }
        }
        return code;
    }
}

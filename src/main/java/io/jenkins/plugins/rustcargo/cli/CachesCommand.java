package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheInventory;
import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rustcargo caches}: lists every cache mount of one daemon; changes nothing. */
@Command(name = "caches", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        usageHelpWidth = Main.HELP_WIDTH,
        description = {"List the cache mounts of a BuildKit daemon, or of each daemon of a pool (read-only).", "",
            "Every cache mount of the daemon, of every namespace and of other BuildKit users too: id, size in bytes, "
                + "last use, and whether a build holds it now.", ""})
final class CachesCommand implements Callable<Integer> {
    private final Console console;

    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    CachesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws RustCargoException, IOException, InterruptedException {
        LocalBuildHost host = new LocalBuildHost();
        List<BuildkitAddress> daemons = daemon.all(console, host);
        int code = 0;
        for (BuildkitAddress addr : daemons) {
            if (daemons.size() > 1) {
                console.out().println("daemon: " + addr.addr());
            }
            List<CacheMount> mounts;
            try {
                mounts = new CacheInventory(host).list(addr, console.env());
            } catch (RustCargoException e) {
                if (daemons.size() == 1) {
                    throw e;
                }
                console.error(e.getMessage());
                code = Main.FAILURE;
                continue;
            }
            console.out().printf("%-90s %12s  %-24s %s%n", "CACHE ID", "SIZE", "LAST USED", "IN USE");
            for (CacheMount m : mounts) {
                console.out().printf("%-90s %12d  %-24s %s%n", m.cacheId(), m.sizeBytes(), m.lastUsed(), m.inUse() ? "yes" : "");
            }
        }
        return code;
    }
}

package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheInventory;
import io.jenkins.plugins.rustcargo.engine.CacheMount;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.DaemonLocator;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.engine.Sizes;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** {@code rustcargo caches} and {@code rustcargo sweep}: the cache housekeeping the plugin schedules. */
final class CacheCommands {
    static final String USAGE = String.join("\n",
            "usage: rustcargo caches [--addr ADDR]",
            "       rustcargo sweep [--addr ADDR] [--namespace NS] [--max-age-days N] [--max-size SIZE]",
            "                       [--prune-unused-days N] [--prune-keep-storage MB]",
            "");

    private CacheCommands() {}

    static int run(String command, String[] args, BuildLog log, PrintStream out)
            throws RustCargoException, IOException, InterruptedException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (!a.startsWith("--")) {
                throw new InvalidRequestException("unexpected argument '" + a + "'; see rustcargo " + command + " --help");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                opts.put(a, args[++i]);
            } else {
                throw new InvalidRequestException(a + " needs a value; see rustcargo " + command + " --help");
            }
        }
        Map<String, String> env = System.getenv();
        LocalBuildHost host = new LocalBuildHost();
        BuildkitAddress daemon = new DaemonLocator(host, log)
                .locate(opts.containsKey("--addr") ? BuildkitAddress.of(opts.get("--addr")) : null, env);
        if (command.equals("caches")) {
            out.printf("%-90s %12s  %-24s %s%n", "CACHE ID", "SIZE", "LAST USED", "IN USE");
            for (CacheMount m : new CacheInventory(host).list(daemon, env)) {
                out.printf("%-90s %12d  %-24s %s%n", m.cacheId(), m.sizeBytes(), m.lastUsed(), m.inUse() ? "yes" : "");
            }
            return 0;
        }
        CacheSweeper.Settings settings = new CacheSweeper.Settings(
                new SweepPolicy(CommandLine.number(opts, "--max-age-days", SweepPolicy.DEFAULT.maxAgeDays()),
                        Sizes.parse("--max-size", opts.get("--max-size"), SweepPolicy.DEFAULT.maxSizeBytes())),
                opts.get("--namespace"), CommandLine.number(opts, "--prune-unused-days", -1), (long) CommandLine.number(opts, "--prune-keep-storage", -1));
        CacheSweeper.Result r = new CacheSweeper(host, log).sweep(daemon, env, settings);
        r.errors().forEach(e -> log.warn(e));
        return r.errors().isEmpty() ? 0 : 1;
    }
}

package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.Amounts;
import io.jenkins.plugins.rustcargo.engine.BuildDefinition;
import io.jenkins.plugins.rustcargo.engine.BuildNetwork;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoEnvironment;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.ImageReference;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.OutputPattern;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.engine.Sizes;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rustcargo [run] [options] -- CARGO_ARGS}: one cargo build, exactly as the rustCargo step
 * runs it. The top-level command; {@code caches} and {@code sweep} are its subcommands. A new flag
 * is one annotated field here plus one line in {@link #toRequest()}.
 */
@Command(name = "rustcargo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        usageHelpWidth = Main.HELP_WIDTH, sortOptions = false, synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  rustcargo [run] [OPTIONS] -- CARGO_ARGS...",
            "  rustcargo [run] [OPTIONS] --args 'CARGO ARGS'",
            "  rustcargo caches [OPTIONS]",
            "  rustcargo sweep [OPTIONS]",
            ""},
        description = {"Runs cargo inside a persistent BuildKit daemon, exactly as the rustCargo Jenkins step does. "
            + "CARGO_HOME is shared by every build of the namespace; target/ is cached per cache key and swept after the build. "
            + "On the host, only the files --output exports (under target/) and the files --log-file, --junit-report and --summary-json name are written.",
            ""},
        commandListHeading = "%nCommands (run is the default):%n",
        footer = {"", "Exit codes: cargo's own when cargo failed; 2 for bad input (one line, nothing ran); "
            + "1 for anything else (one line); 130 when interrupted. See docs/cli.md."})
final class RunCommand implements Callable<Integer> {
    private final Console console;

    /** Cargo's argv: everything after the first {@code --}, split off by {@link Main} before parsing. */
    List<String> cargoArgv;

    @Option(names = "-C", paramLabel = "DIR", description = "cargo workspace (must hold Cargo.toml). Default: the current directory.")
    String dir = ".";

    @Option(names = "--args", paramLabel = "'CARGO ARGS'",
            description = "cargo's arguments as one string, split with shell-like quoting (no shell runs); instead of -- ARGS.")
    String args;

    @Option(names = "--image", paramLabel = "REF", description = "toolchain image, any image with cargo on PATH. Default: ${DEFAULT-VALUE}.")
    String image = CargoRequest.DEFAULT_IMAGE;

    @Option(names = "--output", paramLabel = "REGEX",
            description = "export the files under target/ whose path relative to target/ fully matches (RE2 syntax), e.g. 'release/[^/.]+'. Default: export nothing.")
    String output;

    @Option(names = "--require-output", description = "fail when --output matches nothing (otherwise a warning names the pattern).")
    boolean requireOutput;

    @Option(names = "--cache-key", paramLabel = "KEY",
            description = "target cache key, [A-Za-z0-9][A-Za-z0-9._-]{0,127}. Default: local-<directory name>-<hash>.")
    String cacheKey;

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "cache namespace: builds in one namespace share CARGO_HOME. Default: ${DEFAULT-VALUE}.")
    String namespace = CargoRequest.DEFAULT_NAMESPACE;

    @Mixin
    DaemonOptions daemon = new DaemonOptions();

    @Option(names = "--keep-fingerprints", arity = "0..1", paramLabel = "true|false", fallbackValue = "true",
            description = "false: delete the workspace packages' fingerprints before each build instead of using the content manifest. Default: ${DEFAULT-VALUE}.")
    String keepFingerprints = "true";

    @Option(names = "--max-age-days", paramLabel = "N",
            description = "after the build, remove target units of this cache not used for N days (0: all this build did not use; -1: never). Default: ${DEFAULT-VALUE}.")
    String maxAgeDays = "7";

    @Option(names = "--max-size", paramLabel = "SIZE",
            description = "after the build, remove the least recently used units of this cache until it fits, e.g. 500M, 20G (-1: never). Default: ${DEFAULT-VALUE}.")
    String maxSize = "20G";

    @Option(names = "--secret-env", paramLabel = "NAME",
            description = "pass $NAME to cargo as a BuildKit secret, never as a build argument (repeatable).")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--untrusted",
            description = "untrusted code (a change request): write only the untrusted target cache, which starts as a copy of the trusted one of the same key (docs/security.md).")
    boolean untrusted;

    @Option(names = "--network", paramLabel = "MODE",
            description = "network of build scripts, proc macros and tests: none (dependencies are fetched before, by cargo alone) or host (trusted builds only). Default: none.")
    String network;

    @Option(names = "--log-file", paramLabel = "FILE", description = "also write cargo's output lines to FILE (at the end, also on failure).")
    String logFile;

    @Option(names = "--junit-report", paramLabel = "FILE",
            description = "cargo test only: write a JUnit XML report of the tests to FILE, inside the workspace (also when tests fail).")
    String junitReport;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the run summary (timings, units, downloads, outputs, cache size, daemon, why cargo rebuilt) as JSON.")
    String summaryJson;

    @Option(names = "--dry-run", description = "print the generated Dockerfile and exit; nothing runs.")
    boolean dryRun;

    RunCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws RustCargoException, IOException, InterruptedException {
        CargoRequest request = toRequest();
        if (dryRun) {
            console.out().print(new BuildDefinition(request).dockerfile());
            return 0;
        }
        daemon.startManaged(console);
        return new BuildRun(console, request, summaryJson == null ? null : Paths.get(summaryJson)).run();
    }

    /** Checks every flag and builds the request; throws before anything has run. */
    CargoRequest toRequest() throws InvalidRequestException {
        if (cargoArgv == null && args == null) {
            throw new InvalidRequestException("no cargo command given: use --args 'build --release' or -- build --release");
        }
        if (cargoArgv != null && args != null) {
            throw new InvalidRequestException("give cargo arguments either with --args or after --, not both");
        }
        Path workspace = Paths.get(dir).toAbsolutePath().normalize();
        if (!workspace.resolve("Cargo.toml").toFile().isFile()) {
            throw new InvalidRequestException("no Cargo.toml in " + workspace + ": run in a cargo workspace or pass -C DIR");
        }
        if (!keepFingerprints.equals("true") && !keepFingerprints.equals("false")) {
            throw new InvalidRequestException("--keep-fingerprints must be true or false, not '" + keepFingerprints + "'");
        }
        // The engine's rules, asked with our flag names; CargoRequest checks them again.
        ImageReference.validate("--image", image);
        OutputPattern.validate("--output", output);
        CacheKey.validate("--namespace", namespace);
        if (cacheKey != null) {
            CacheKey.validate("--cache-key", cacheKey);
        }
        SweepPolicy sweep = new SweepPolicy(Amounts.days("--max-age-days", maxAgeDays, SweepPolicy.DEFAULT.maxAgeDays()),
                Sizes.parse("--max-size", maxSize, SweepPolicy.DEFAULT.maxSizeBytes()));
        Path log = OutputPaths.writable("--log-file", logFile);
        OutputPaths.writable("--summary-json", summaryJson);
        CargoRequest.Builder b = CargoRequest.builder()
                .workspace(workspace.toString())
                .image(image)
                .output(output)
                .requireOutput(requireOutput)
                .cacheKey(cacheKey != null ? cacheKey : CacheKey.forWorkspace(workspace))
                .namespace(namespace)
                .keepFingerprints(Boolean.parseBoolean(keepFingerprints))
                .untrusted(untrusted)
                .network(BuildNetwork.parse(network))
                .cargoEnv(CargoEnvironment.forwardFrom(console.env()))
                .sweep(sweep)
                .hostEnv(console.env())
                .daemons(daemon.addresses());
        if (log != null) {
            b.logFile(log.toString());
        }
        if (junitReport != null) {
            b.junitReport(insideWorkspace(workspace, junitReport));
        }
        if (cargoArgv != null) {
            b.args(cargoArgv);
        } else {
            b.args(args);
        }
        secretEnv.forEach(b::secretEnv);
        return b.build();
    }

    /** FILE (relative to the current directory) as a path relative to the workspace, which it must be inside. */
    private static String insideWorkspace(Path workspace, String file) throws InvalidRequestException {
        Path report = Paths.get(file).toAbsolutePath().normalize();
        if (!report.startsWith(workspace) || report.equals(workspace)) {
            throw new InvalidRequestException("--junit-report " + file + " must be a file inside the workspace " + workspace);
        }
        return workspace.relativize(report).toString();
    }
}

package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildNetwork;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoEnvironment;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.Sizes;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses {@code bin/rustcargo}'s flags into a {@link CargoRequest}; every error is one line. */
final class CommandLine {
    static final String USAGE = String.join("\n",
            "usage: rustcargo [options] (--args 'CARGO ARGS' | -- CARGO_ARGS...)",
            "       rustcargo caches | sweep [options]   (see rustcargo sweep --help)",
            "",
            "Runs cargo inside a persistent BuildKit daemon, exactly as the rustCargo Jenkins step does.",
            "",
            "  -C DIR                    cargo workspace (default: current directory)",
            "  --image REF               toolchain image (default: " + CargoRequest.DEFAULT_IMAGE + ")",
            "  --output REGEX            export files under target/ whose relative path fully matches",
            "  --require-output          fail when --output matches nothing",
            "  --cache-key KEY           target cache key (default: derived from the directory name)",
            "  --namespace NAME          cache namespace (default: " + CargoRequest.DEFAULT_NAMESPACE + ")",
            "  --addr ADDR               BuildKit address (default: $BUILDKIT_HOST, then the local daemon)",
            "  --tlscacert/--tlscert/--tlskey FILE, --tlsservername NAME   TLS for tcp:// addresses",
            "  --keep-fingerprints=false remove workspace fingerprints instead of the content manifest",
            "  --max-age-days N          sweep target units unused for N days (default 7, -1 = never)",
            "  --max-size SIZE           sweep least recently used units above SIZE (e.g. 20G; -1 = never)",
            "  --secret-env NAME         pass $NAME to cargo as a BuildKit secret (repeatable)",
            "  --untrusted               untrusted code: write only the untrusted target cache (docs/security.md)",
            "  --network MODE            network of build scripts and tests: none (default) or host (trusted only)",
            "  --log-file FILE           also write cargo's output lines to FILE",
            "  --summary-json FILE       write the run summary as JSON",
            "  --dry-run                 print the generated Dockerfile and exit",
            "  -h, --help                this text",
            "");

    private final Map<String, String> values = new java.util.HashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private List<String> cargoArgv;
    private boolean help;
    private boolean dryRun;
    private boolean requireOutput;
    private boolean untrusted;

    private CommandLine() {}

    static CommandLine parse(String[] args) throws InvalidRequestException {
        CommandLine cl = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                cl.cargoArgv = List.of(args).subList(i + 1, args.length);
                break;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> cl.help = true;
                case "--dry-run" -> cl.dryRun = true;
                case "--require-output" -> cl.requireOutput = true;
                case "--untrusted" -> cl.untrusted = true;
                case "--keep-fingerprints" -> cl.values.put(name, value == null ? "true" : value);
                case "-C", "--image", "--output", "--cache-key", "--namespace", "--addr", "--tlscacert", "--tlscert",
                        "--tlskey", "--tlsservername", "--network", "--max-age-days", "--max-size", "--summary-json", "--log-file", "--args" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new InvalidRequestException(name + " needs a value; see --help");
                        }
                        value = args[++i];
                    }
                    cl.values.put(name, value);
                }
                case "--secret-env" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new InvalidRequestException(name + " needs a value; see --help");
                        }
                        value = args[++i];
                    }
                    cl.secrets.add(value);
                }
                default -> throw new InvalidRequestException("unknown option '" + a
                        + "'; cargo arguments go after -- or in --args (see --help)");
            }
        }
        if (!cl.help && cl.cargoArgv == null && !cl.values.containsKey("--args")) {
            throw new InvalidRequestException("no cargo command given: use --args 'build --release' or -- build --release");
        }
        if (cl.cargoArgv != null && cl.values.containsKey("--args")) {
            throw new InvalidRequestException("give cargo arguments either with --args or after --, not both");
        }
        return cl;
    }

    boolean help() {
        return help;
    }

    boolean dryRun() {
        return dryRun;
    }

    Path summaryJson() {
        String f = values.get("--summary-json");
        return f == null ? null : Paths.get(f);
    }

    CargoRequest toRequest(Map<String, String> env) throws InvalidRequestException {
        Path dir = Paths.get(values.getOrDefault("-C", ".")).toAbsolutePath().normalize();
        if (!dir.resolve("Cargo.toml").toFile().isFile()) {
            throw new InvalidRequestException("no Cargo.toml in " + dir + ": run in a cargo workspace or pass -C DIR");
        }
        String fingerprints = values.getOrDefault("--keep-fingerprints", "true");
        if (!fingerprints.equals("true") && !fingerprints.equals("false")) {
            throw new InvalidRequestException("--keep-fingerprints must be true or false, not '" + fingerprints + "'");
        }
        CargoRequest.Builder b = CargoRequest.builder()
                .workspace(dir.toString())
                .image(values.get("--image"))
                .output(values.get("--output"))
                .requireOutput(requireOutput)
                .cacheKey(values.getOrDefault("--cache-key", CacheKey.derive("local", String.valueOf(dir.getFileName()))))
                .namespace(values.get("--namespace"))
                .keepFingerprints(Boolean.parseBoolean(fingerprints))
                .untrusted(untrusted)
                .network(BuildNetwork.parse(values.get("--network")))
                .cargoEnv(CargoEnvironment.forwardFrom(env))
                .sweep(new SweepPolicy(number(values, "--max-age-days", SweepPolicy.DEFAULT.maxAgeDays()),
                        Sizes.parse("--max-size", values.get("--max-size"), SweepPolicy.DEFAULT.maxSizeBytes())))
                .hostEnv(env);
        if (values.containsKey("--log-file")) {
            b.logFile(Paths.get(values.get("--log-file")).toAbsolutePath().toString());
        }
        if (cargoArgv != null) {
            b.args(cargoArgv);
        } else {
            b.args(values.get("--args"));
        }
        secrets.forEach(b::secretEnv);
        if (values.containsKey("--addr")) {
            b.daemon(BuildkitAddress.of(values.get("--addr")).withTls(values.get("--tlscacert"), values.get("--tlscert"),
                    values.get("--tlskey"), values.get("--tlsservername")));
        }
        return b.build();
    }

    /** Parses a numeric flag from {@code opts}; shared with the cache commands. */
    static double number(Map<String, String> opts, String flag, double dflt) throws InvalidRequestException {
        String v = opts.get(flag);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(flag + " must be a number, not '" + v + "'");
        }
    }
}

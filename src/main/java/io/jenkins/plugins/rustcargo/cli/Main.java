package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code bin/rustcargo}: the engine on the local machine, for reproducing a CI build. picocli parses
 * the flags ({@link RunCommand}, {@link CachesCommand}, {@link SweepCommand}); this class only wires
 * it up and turns every failure into one line and an exit code: cargo's own when cargo failed,
 * 2 for bad input, 1 for anything else, 130 when interrupted.
 */
public final class Main {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    static final int INTERRUPTED = 130;
    static final int HELP_WIDTH = 100;
    static final int MAX_VALUE_CHARS = 64 * 1024;
    private static final String END_OF_OPTIONS = "--";
    private static final List<String> SUBCOMMANDS = List.of("caches", "sweep");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Console console = new Console(out, err, env);
        RunCommand build = new RunCommand(console);
        CommandLine cli = commandLine(console, build);
        // "run" is the default command and may be spelled out. Cargo's arguments (after the first
        // "--") never reach picocli, so nothing in them is taken for one of our flags.
        boolean explicitRun = args.length > 0 && args[0].equals("run");
        String[] rest = explicitRun ? Arrays.copyOfRange(args, 1, args.length) : args;
        String[] options = rest;
        if (rest.length == 0 || !SUBCOMMANDS.contains(rest[0])) {
            int end = Arrays.asList(rest).indexOf(END_OF_OPTIONS);
            if (end >= 0) {
                options = Arrays.copyOfRange(rest, 0, end);
                build.cargoArgv = List.of(Arrays.copyOfRange(rest, end + 1, rest.length));
            }
        }
        cli.setExecutionStrategy(parsed -> {
            if (parsed.hasSubcommand() && (explicitRun || !parsed.matchedOptions().isEmpty())) {
                String sub = parsed.subcommand().commandSpec().name();
                throw new ParameterException(cli, "'" + sub + "' must come first: rustcargo " + sub + " [OPTIONS]");
            }
            checkValues(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        int code = cli.execute(options);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    /** The command tree; a new subcommand is one more addSubcommand line. */
    static CommandLine commandLine(Console console, RunCommand build) {
        CommandLine cli = new CommandLine(build)
                .addSubcommand(new CachesCommand(console))
                .addSubcommand(new SweepCommand(console));
        cli.setExpandAtFiles(false); // an argument such as @file is a value, never a file to read
        cli.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, args) -> {
            console.error(oneLine(e));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            console.error(e.getMessage() == null ? e.toString() : e.getMessage());
            if (e instanceof InvalidRequestException) {
                return BAD_INPUT;
            }
            if (e instanceof InterruptedException) {
                return INTERRUPTED;
            }
            if (e instanceof RustCargoException || e instanceof IOException) {
                return FAILURE;
            }
            throw e; // a bug: keep the stack trace
        });
        return cli;
    }

    /**
     * Rules for every flag of every command, present and future: a value given is never empty
     * (an empty --cache-key must not quietly become the shared default) and never over 64 KiB.
     */
    static void checkValues(ParseResult parsed) {
        for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
            for (OptionSpec o : pr.matchedOptions()) {
                for (String v : o.arity().max() == 0 ? List.<String>of() : o.stringValues()) {
                    if (v.isBlank()) {
                        throw new ParameterException(pr.commandSpec().commandLine(), o.longestName()
                                + " needs a non-empty value; leave the flag out for its default");
                    }
                    if (v.length() > MAX_VALUE_CHARS) {
                        throw new ParameterException(pr.commandSpec().commandLine(), o.longestName() + " value is "
                                + v.length() + " characters long; at most " + MAX_VALUE_CHARS + " are accepted");
                    }
                }
            }
        }
    }

    /** picocli's parse errors, reworded as one line that names the flag and where help is. */
    static String oneLine(ParameterException e) {
        String help = "see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        boolean isRun = e.getCommandLine().getCommand() instanceof RunCommand;
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> near = u.getSuggestions();
                return "unknown option '" + name + "'" + (near.isEmpty() ? "" : " (did you mean " + near.get(0) + "?)")
                        + (isRun ? "; cargo arguments go after -- or in --args (" + help + ")" : "; " + help);
            }
            return "unexpected argument '" + arg + "'"
                    + (isRun ? ": cargo arguments go after -- or in --args (" + help + ")" : "; " + help);
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            if (missing instanceof OptionSpec o) {
                return o.longestName() + " needs a value; " + help;
            }
        }
        return e.getMessage().lines().findFirst().orElse("bad arguments") + "; " + help;
    }

    /** {@code --version}: the version Maven wrote into the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rustcargo " + (v == null ? "(development build)" : v)};
        }
    }
}

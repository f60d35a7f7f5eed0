package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoFailedException;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.CargoResult;
import io.jenkins.plugins.rustcargo.engine.HostFiles;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.PrintStreamLog;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code bin/rustcargo}: the engine on the local machine, for reproducing a CI build. Exit code:
 * cargo's own when cargo failed, 2 for bad input, 1 for anything else, 130 when interrupted.
 */
public final class Main {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    static final int INTERRUPTED = 130;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BuildLog log = new PrintStreamLog(out, err, "rustcargo: ");
        try {
            if (args.length > 0 && (args[0].equals("caches") || args[0].equals("sweep"))) {
                return runCacheCommand(args, log, out, err);
            }
            CommandLine cl = CommandLine.parse(args);
            if (cl.help()) {
                out.print(CommandLine.USAGE);
                return 0;
            }
            CargoRequest request = cl.toRequest(System.getenv());
            String refused = cl.summaryJson() == null ? null : HostFiles.refusal(cl.summaryJson());
            if (refused != null) {
                throw new InvalidRequestException("cannot write the summary to " + cl.summaryJson() + ": " + refused);
            }
            if (cl.dryRun()) {
                out.print(new io.jenkins.plugins.rustcargo.engine.BuildDefinition(request).dockerfile());
                return 0;
            }
            return runWithCancellation(request, cl, log, err);
        } catch (InvalidRequestException e) {
            err.println("rustcargo: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static int runCacheCommand(String[] args, BuildLog log, PrintStream out, PrintStream err) {
        try {
            return CacheCommands.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length), log, out);
        } catch (RustCargoException e) {
            err.println("rustcargo: " + e.getMessage());
            return e instanceof InvalidRequestException ? BAD_INPUT : FAILURE;
        } catch (IOException e) {
            err.println("rustcargo: " + e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
    }

    private static int runWithCancellation(CargoRequest request, CommandLine cl, BuildLog log, PrintStream err) {
        Thread worker = Thread.currentThread();
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                worker.join(15_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        RunSummary summary = null;
        int code;
        try {
            CargoResult result = new CargoEngine(new LocalBuildHost(), log).run(request);
            summary = result.summary();
            code = 0;
        } catch (CargoFailedException e) {
            err.println("rustcargo: " + e.getMessage());
            summary = e.summary();
            code = e.exitCode() > 0 ? e.exitCode() : FAILURE;
        } catch (RustCargoException e) {
            err.println("rustcargo: " + e.getMessage());
            code = e instanceof InvalidRequestException ? BAD_INPUT : FAILURE;
        } catch (IOException e) {
            err.println("rustcargo: " + e.getMessage());
            code = FAILURE;
        } catch (InterruptedException e) {
            err.println("rustcargo: interrupted; the build was cancelled");
            return INTERRUPTED;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
        writeSummary(cl.summaryJson(), summary, err);
        return code;
    }

    private static void writeSummary(Path file, RunSummary summary, PrintStream err) {
        if (file == null || summary == null) {
            return;
        }
        try {
            HostFiles.writeRegularFile(file, (summary.toJson() + "\n").getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            err.println("rustcargo: cannot write summary to " + file + ": " + e.getMessage());
        }
    }
}

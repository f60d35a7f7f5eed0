package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoFailedException;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one validated request to the end: Ctrl-C cancels the BuildKit build (a shutdown hook
 * interrupts the worker and waits for it), and the summary is written also when cargo failed.
 */
final class BuildRun {
    private final Console console;
    private final CargoRequest request;
    private final Path summaryJson;

    BuildRun(Console console, CargoRequest request, Path summaryJson) {
        this.console = console;
        this.request = request;
        this.summaryJson = summaryJson;
    }

    int run() {
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
            summary = new CargoEngine(new LocalBuildHost(), console.log()).run(request).summary();
            code = 0;
        } catch (CargoFailedException e) {
            console.error(e.getMessage());
            summary = e.summary();
            code = e.exitCode() > 0 ? e.exitCode() : Main.FAILURE;
        } catch (RustCargoException e) {
            console.error(e.getMessage());
            code = e instanceof InvalidRequestException ? Main.BAD_INPUT : Main.FAILURE;
        } catch (IOException e) {
            console.error(e.getMessage());
            code = Main.FAILURE;
        } catch (InterruptedException e) {
            console.error("interrupted; the build was cancelled");
            return Main.INTERRUPTED;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
        writeSummary(summary);
        return code;
    }

    private void writeSummary(RunSummary summary) {
        if (summaryJson == null || summary == null) {
            return;
        }
        try {
            Files.writeString(summaryJson, summary.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.error("cannot write summary to " + summaryJson + ": " + e.getMessage());
        }
    }
}

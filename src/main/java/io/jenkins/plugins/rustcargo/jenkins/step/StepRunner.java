package io.jenkins.plugins.rustcargo.jenkins.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.rustcargo.engine.BuildHost;
import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoFailedException;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.CargoResult;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.jenkins.agent.BuildkitContainerCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * One {@code rustCargo} call once the Jenkins context is unpacked: the request, the
 * docker-container preflight, the engine run, the report and the step's outcome. It works on the
 * engine's {@link BuildHost} and plain values only, so unit tests run it on this machine;
 * {@link RustCargoStepExecution} just maps the step context onto it.
 */
final class StepRunner {
    private StepRunner() {}

    /** Runs the docker-container preflight where the build runs (on the agent, in Jenkins). */
    interface ContainerProbe {
        /** What the preflight found: a line to fail with, a note to print, or neither. */
        BuildkitContainerCheck.Outcome check(BuildkitContainerCheck check) throws IOException, InterruptedException;
    }

    /** Keeps a finished call (failed ones too) for the build's report. */
    interface Report {
        void add(RunSummary summary, @CheckForNull String stage);
    }

    /**
     * Where and for whom the call runs.
     *
     * @param cargoDir absolute path of the cargo workspace on the build host
     * @param logFile absolute path of the step's log file, or null
     * @param env the build's environment on that host
     * @param cacheNamespace the namespace the configured policy gives the job, or null
     */
    record Call(String cargoDir, @CheckForNull String logFile, Map<String, String> env, String jobFullName,
            @CheckForNull String cacheNamespace) {}

    /**
     * @return cargo's exit code with {@code returnStatus: true}, otherwise null
     * @throws AbortException with one line for every failure, so the console shows no stack trace
     */
    static Integer run(RustCargoStep step, Call call, StepDefaults defaults, BuildHost host, ContainerProbe probe,
            PrintStream console, Report report) throws IOException, InterruptedException {
        CargoRequest request;
        try {
            request = CargoRequestFactory.create(step, call.cargoDir(), call.logFile(), call.env(), call.jobFullName(),
                    call.cacheNamespace(), defaults);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress(request.daemon() == null ? null : request.daemon().addr(),
                call.env());
        BuildkitContainerCheck.Outcome outcome = check == null ? BuildkitContainerCheck.Outcome.RUNNING : probe.check(check);
        if (outcome.note() != null) {
            console.println("[rust-cargo] " + outcome.note());
        }
        if (outcome.failure() != null) {
            throw new AbortException(outcome.failure());
        }
        CargoEngine engine = new CargoEngine(host, ConsoleBuildLog.of(console));
        String stage = call.env().get("STAGE_NAME");
        try {
            CargoResult result = engine.run(request);
            report.add(result.summary(), stage);
            return step.isReturnStatus() ? 0 : null;
        } catch (CargoFailedException e) {
            if (e.summary() != null) {
                report.add(e.summary(), stage);
            }
            // Only cargo's own non-zero exit is a status; a build that never ran cargo (-1) or
            // whose outputs failed (0) is a failure even with returnStatus.
            if (step.isReturnStatus() && e.exitCode() > 0) {
                console.println(ConsoleBuildLog.PREFIX + e.getMessage());
                return e.exitCode();
            }
            throw new AbortException(e.getMessage());
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
    }
}

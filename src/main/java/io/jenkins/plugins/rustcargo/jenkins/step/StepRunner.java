package io.jenkins.plugins.rustcargo.jenkins.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.Callable;
import io.jenkins.plugins.rustcargo.engine.BuildHost;
import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoFailedException;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.CargoResult;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import io.jenkins.plugins.rustcargo.jenkins.agent.BuildkitContainerCheck;
import io.jenkins.plugins.rustcargo.jenkins.agent.ManagedDaemonCall;
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

    /**
     * Runs a small task where the build runs: on the agent, over its channel, in Jenkins; in this
     * JVM in tests. The container preflight and the managed daemon's Docker calls use it.
     */
    interface OnAgent {
        <V, T extends Throwable> V call(Callable<V, T> task) throws IOException, InterruptedException, T;
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
    static Integer run(RustCargoStep step, Call call, StepDefaults defaults, BuildHost host, OnAgent agent,
            PrintStream console, Report report) throws IOException, InterruptedException {
        CargoRequest request;
        try {
            request = CargoRequestFactory.create(step, call.cargoDir(), call.logFile(), call.env(), call.jobFullName(),
                    call.cacheNamespace(), defaults);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
        ManagedDaemon.Spec managed;
        try {
            managed = CargoRequestFactory.managedDaemon(step.getAddr(), call.env(), defaults);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
        if (managed != null) {
            startManagedDaemon(managed, call.env(), host, agent, console);
        } else {
            checkBuildkitContainer(request, call.env(), agent, console);
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

    /** Ensures the container on the agent's Docker Engine, then waits until buildctl reaches it. */
    private static void startManagedDaemon(ManagedDaemon.Spec spec, Map<String, String> env, BuildHost host, OnAgent agent,
            PrintStream console) throws IOException, InterruptedException {
        try {
            for (String line : agent.call(new ManagedDaemonCall(spec, env))) {
                console.println(ConsoleBuildLog.PREFIX + line);
            }
            ManagedDaemon.awaitReady(host, ConsoleBuildLog.of(console), spec, env, ManagedDaemon.READY_SECONDS);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The docker-container:// preflight: fails only on Docker's own "not running" answer. */
    private static void checkBuildkitContainer(CargoRequest request, Map<String, String> env, OnAgent agent, PrintStream console)
            throws IOException, InterruptedException {
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress(request.daemon() == null ? null : request.daemon().addr(), env);
        if (check == null) {
            return;
        }
        BuildkitContainerCheck.Outcome outcome = agent.call(check);
        if (outcome.note() != null) {
            console.println(ConsoleBuildLog.PREFIX + outcome.note());
        }
        if (outcome.failure() != null) {
            throw new AbortException(outcome.failure());
        }
    }
}

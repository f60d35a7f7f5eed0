package io.jenkins.plugins.rustcargo.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoFailedException;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.CargoResult;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.RustCargoException;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the engine on a pool thread. Aborting the build interrupts that thread, and the engine
 * answers an interrupt by cancelling the BuildKit build (which stops cargo and frees the target
 * cache lock). Not resumable after a controller restart, like {@code SynchronousNonBlockingStepExecution}
 * in general.
 */
final class RustCargoStepExecution extends SynchronousNonBlockingStepExecution<Integer> {
    private static final long serialVersionUID = 1L;

    // The step is only needed while run() runs, which never survives a restart.
    private final transient RustCargoStep step;

    RustCargoStepExecution(RustCargoStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    /** Cargo's exit code with {@code returnStatus: true}, otherwise null (failures throw). */
    @Override
    protected Integer run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars env = context.get(EnvVars.class);
        StepDefaults defaults = StepDefaults.current();

        FilePath cargoDir = ".".equals(step.getDir()) ? workspace : workspace.child(step.getDir());
        CargoRequest request;
        ManagedDaemon.Spec managed;
        try {
            String logFile = step.getLogFile() == null ? null : workspace.child(step.getLogFile()).getRemote();
            request = CargoRequestFactory.create(step, cargoDir.getRemote(), logFile, env, run.getParent().getFullName(),
                    defaults.cacheNamespace(run.getParent()), defaults);
            managed = CargoRequestFactory.managedDaemon(step.getAddr(), env, defaults);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
        // Engine scratch files (Dockerfile, helper) go next to the workspace, never into it.
        FilePath tmp = workspace.sibling(workspace.getName() + "@tmp");
        AgentBuildHost host = new AgentBuildHost(tmp, launcher);
        if (managed != null) {
            startManagedDaemon(managed, env, launcher, host, listener);
        } else {
            checkBuildkitContainer(request, env, launcher);
        }

        CargoEngine engine = new CargoEngine(host, ConsoleBuildLog.of(listener));
        String stage = env.get("STAGE_NAME");
        try {
            CargoResult result = engine.run(request);
            RustCargoReportAction.record(run, result.summary(), stage);
            return step.isReturnStatus() ? 0 : null;
        } catch (CargoFailedException e) {
            if (e.summary() != null) {
                RustCargoReportAction.record(run, e.summary(), stage);
            }
            // Only cargo's own non-zero exit is a status; a build that never ran cargo (-1) or
            // whose outputs failed (0) is a failure even with returnStatus.
            if (step.isReturnStatus() && e.exitCode() > 0) {
                listener.getLogger().println("[rust-cargo] " + e.getMessage());
                return e.exitCode();
            }
            throw new AbortException(e.getMessage());
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Ensures the container on the agent's Docker Engine, then waits until buildctl reaches it. */
    private static void startManagedDaemon(ManagedDaemon.Spec spec, EnvVars env, Launcher launcher, AgentBuildHost host,
            TaskListener listener) throws IOException, InterruptedException {
        VirtualChannel channel = launcher.getChannel();
        if (channel == null) {
            throw new AbortException("the agent is offline: cannot start the managed BuildKit container");
        }
        try {
            for (String line : channel.call(new ManagedDaemonCall(spec, env))) {
                listener.getLogger().println(ConsoleBuildLog.PREFIX + line);
            }
            ManagedDaemon.awaitReady(host, ConsoleBuildLog.of(listener), spec, env, ManagedDaemon.READY_SECONDS);
        } catch (RustCargoException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private static void checkBuildkitContainer(CargoRequest request, EnvVars env, Launcher launcher)
            throws IOException, InterruptedException {
        String address = request.daemon() == null ? null : request.daemon().addr();
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress(address, env);
        VirtualChannel channel = launcher.getChannel();
        if (check == null || channel == null) {
            return;
        }
        String problem = channel.call(check);
        if (problem != null) {
            throw new AbortException(problem);
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.step;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.rustcargo.jenkins.agent.AgentBuildHost;
import io.jenkins.plugins.rustcargo.jenkins.agent.BuildkitContainerCheck;
import io.jenkins.plugins.rustcargo.jenkins.report.RustCargoReportAction;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs the step on a pool thread: unpacks the step context and hands it to {@link StepRunner}.
 * Aborting the build interrupts that thread, and the engine answers an interrupt by cancelling
 * the BuildKit build (which stops cargo and frees the target cache lock). Not resumable after a
 * controller restart, like {@code SynchronousNonBlockingStepExecution} in general.
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
        StepDefaults defaults = StepDefaults.current().forJob(run.getParent());

        FilePath cargoDir = ".".equals(step.getDir()) ? workspace : workspace.child(step.getDir());
        String logFile = step.getLogFile() == null ? null : workspace.child(step.getLogFile()).getRemote();
        StepRunner.Call call = new StepRunner.Call(cargoDir.getRemote(), logFile, env, run.getParent().getFullName(),
                defaults.cacheNamespace(run.getParent()));
        // Engine scratch files (Dockerfile, helper) go next to the workspace, never into it.
        FilePath tmp = workspace.sibling(workspace.getName() + "@tmp");
        VirtualChannel channel = launcher.getChannel();
        StepRunner.OnAgent agent = new StepRunner.OnAgent() {
            @Override
            public <V, T extends Throwable> V call(Callable<V, T> task) throws IOException, InterruptedException, T {
                if (channel == null) {
                    throw new AbortException("the agent is offline");
                }
                return channel.call(task);
            }
        };
        return StepRunner.run(step, call, defaults, new AgentBuildHost(tmp, launcher), agent, listener.getLogger(),
                (summary, stage) -> RustCargoReportAction.record(run, summary, stage));
    }
}

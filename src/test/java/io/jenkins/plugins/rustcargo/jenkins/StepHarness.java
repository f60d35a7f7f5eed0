package io.jenkins.plugins.rustcargo.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a {@link RustCargoStep} the way Pipeline does, without Jenkins: a fake step context with
 * a mocked build, a local workspace, a real local launcher and a console that is both kept and
 * echoed.
 */
final class StepHarness {
    final Path workspace;
    @SuppressWarnings("rawtypes")
    final Run run;
    private final EnvVars env;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TaskListener listener;

    @SuppressWarnings("rawtypes")
    StepHarness(Path workspace, String jobName, Map<String, String> env) {
        this.workspace = workspace;
        Job job = TestRuns.job(jobName);
        this.run = TestRuns.run(job, 1, null);
        this.env = new EnvVars(env);
        this.listener = new StreamTaskListener(new PrintStream(new Tee(console, System.out), true, StandardCharsets.UTF_8));
    }

    /** Starts the step and waits for it: its return value, or what it failed with. */
    Object run(RustCargoStep step, long timeoutMinutes) throws Throwable {
        FakeStepContext context = new FakeStepContext()
                .with(Run.class, run)
                .with(FilePath.class, new FilePath(workspace.toFile()))
                .with(Launcher.class, new Launcher.LocalLauncher(listener))
                .with(TaskListener.class, listener)
                .with(EnvVars.class, env);
        StepExecution execution = step.start(context);
        execution.start();
        return context.await(timeoutMinutes, TimeUnit.MINUTES);
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    RustCargoReportAction report() {
        return (RustCargoReportAction) run.getAction(RustCargoReportAction.class);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}

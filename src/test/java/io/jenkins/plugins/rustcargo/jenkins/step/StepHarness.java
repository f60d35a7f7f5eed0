package io.jenkins.plugins.rustcargo.jenkins.step;

import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.jenkins.agent.BuildkitContainerCheck;
import io.jenkins.plugins.rustcargo.jenkins.report.CargoCall;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RustCargoStep} call as {@link RustCargoStepExecution} does, without Jenkins: the
 * same {@link StepRunner} on this machine's {@link LocalBuildHost}, the container preflight run
 * in this JVM, a console that is both kept and echoed, and the report kept as a list.
 */
final class StepHarness {
    final Path workspace;
    private final String jobName;
    private final Map<String, String> env;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new Tee(console, System.out), true, StandardCharsets.UTF_8);
    private final List<CargoCall> calls = Collections.synchronizedList(new ArrayList<>());

    StepHarness(Path workspace, String jobName, Map<String, String> env) {
        this.workspace = workspace;
        this.jobName = jobName;
        this.env = Map.copyOf(env);
    }

    /** Agent calls run right here, as they would in the agent's JVM. */
    private static final StepRunner.OnAgent IN_THIS_JVM = new StepRunner.OnAgent() {
        @Override
        public <V, T extends Throwable> V call(hudson.remoting.Callable<V, T> task) throws T {
            return task.call();
        }
    };

    /** Runs the step on another thread, as Pipeline does, and waits for it: its return value, or what it failed with. */
    Object run(RustCargoStep step, long timeoutMinutes) throws Throwable {
        Path cargoDir = ".".equals(step.getDir()) ? workspace : workspace.resolve(step.getDir());
        String logFile = step.getLogFile() == null ? null : workspace.resolve(step.getLogFile()).toString();
        StepRunner.Call call = new StepRunner.Call(cargoDir.toString(), logFile, env, jobName, null);
        Path tmp = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> result = thread.submit(() -> StepRunner.run(step, call, StepDefaults.BUILT_IN, new LocalBuildHost(tmp),
                    IN_THIS_JVM, out, (summary, stage) -> calls.add(CargoCall.of(summary, stage))));
            try {
                return result.get(timeoutMinutes, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw e.getCause();
            } finally {
                result.cancel(true);
            }
        } finally {
            thread.shutdownNow();
        }
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** The calls the build's report would show, in the order they finished. */
    List<CargoCall> calls() {
        return List.copyOf(calls);
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

package io.jenkins.plugins.rustcargo.jenkins.agent;

import io.jenkins.plugins.rustcargo.engine.ProgressThinner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs one buildctl command inside the agent JVM for sweeps and cache listings, and sends its
 * output back in batches: its progress ticks are thinned on the agent ({@link ProgressThinner}),
 * and lines travel at most a few times a second, not one remote call per line. The call returns
 * the exit code, so the controller waits with one blocking call. Interrupting it (cancelling the
 * remote call) stops the process: SIGTERM, which makes buildctl cancel its build, then SIGKILL.
 */
final class AgentJvmProcess extends MasterToSlaveCallable<Integer, IOException> {
    private static final long serialVersionUID = 1L;
    static final long BATCH_MILLIS = 250;
    private static final long STOP_GRACE_SECONDS = 10;

    /** Where the lines go: exported from the controller, so each call is one round trip. */
    interface Lines {
        void lines(List<String> stdout, List<String> stderr);
    }

    private final List<String> argv;
    private final Map<String, String> env;
    private final Lines sink;

    AgentJvmProcess(List<String> argv, Map<String, String> env, Lines sink) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.sink = sink;
    }

    @Override
    public Integer call() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        Batch batch = new Batch();
        Thread out = reader(process.getInputStream(), batch, false);
        Thread err = reader(process.getErrorStream(), batch, true);
        try {
            while (!process.waitFor(BATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                batch.send(sink, false);
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", argv.subList(0, 1)));
        }
        batch.send(sink, true);
        return process.exitValue();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException again) {
            process.destroyForcibly();
        }
    }

    private static Thread reader(InputStream in, Batch batch, boolean stderr) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    batch.add(line, stderr);
                }
            } catch (IOException e) {
                // the process went away; what was read is sent
            }
        }, "rust-cargo agent output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Lines read but not yet sent; stderr goes through the thinner first. */
    private static final class Batch {
        private final ProgressThinner thinner = new ProgressThinner(TimeUnit.SECONDS.toNanos(1), System::nanoTime);
        private List<String> stdout = new ArrayList<>();
        private List<String> stderr = new ArrayList<>();

        synchronized void add(String line, boolean fromStderr) {
            if (fromStderr) {
                stderr.addAll(thinner.accept(line));
            } else {
                stdout.add(line);
            }
        }

        void send(Lines sink, boolean last) {
            List<String> out;
            List<String> err;
            synchronized (this) {
                if (last) {
                    stderr.addAll(thinner.flush());
                }
                if (stdout.isEmpty() && stderr.isEmpty()) {
                    return;
                }
                out = stdout;
                err = stderr;
                stdout = new ArrayList<>();
                stderr = new ArrayList<>();
            }
            sink.lines(out, err);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts and stops the additional buildkitd processes some tests need, always by pid. */
final class ExtraDaemon {
    private ExtraDaemon() {}

    static Process start(Path state, List<String> args) throws IOException {
        return start(state, args, java.util.Map.of());
    }

    /** Like {@link #start(Path, List)}, with extra environment for buildkitd (e.g. its log limits). */
    static Process start(Path state, List<String> args, java.util.Map<String, String> env) throws IOException {
        String bin = System.getenv().getOrDefault("RUSTCARGO_BUILDKIT_BIN", "");
        List<String> argv = new java.util.ArrayList<>();
        argv.add(bin.isEmpty() ? "buildkitd" : bin + "/buildkitd");
        argv.addAll(List.of("--root", state.resolve("root").toString()));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(state.resolve("buildkitd.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Files.writeString(state.resolve("buildkitd.pid"), Long.toString(p.pid()));
        return p;
    }

    static void stop(Path pidFile) throws Exception {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception timeout) {
                h.destroyForcibly();
            }
        });
    }

    static void deleteState(Path state) throws Exception {
        new ProcessBuilder("rm", "-rf", state.toString()).inheritIO().start().waitFor(120, TimeUnit.SECONDS);
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bundled in-container helper on this JVM's own machine, for checks that must be made
 * by the same Go code that later applies the input inside the build (the output regex). Only on
 * Linux amd64/arm64, the platforms the helper is built for; elsewhere {@link #checkOutput} throws
 * {@link IOException} and the caller falls back to its own approximation.
 */
final class LocalHelper {
    private static final long TIMEOUT_SECONDS = 10;
    private static Path executable;

    private LocalHelper() {}

    /**
     * Null when Go's regexp accepts {@code pattern} as an output pattern, else Go's reason in one
     * line. IOException when the helper cannot run here.
     */
    static String checkOutput(String pattern) throws IOException {
        Process p = new ProcessBuilder(List.of(executable().toString(), "check-output", pattern))
                .redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("rustcargo-helper check-output gave no answer within " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return switch (p.exitValue()) {
                case 0 -> null;
                case 2 -> text;
                default -> throw new IOException("rustcargo-helper check-output failed: " + text);
            };
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the output pattern", e);
        }
    }

    /** Extracts this platform's binary once per JVM into a private temp directory. */
    private static synchronized Path executable() throws IOException {
        if (executable != null) {
            return executable;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        byte[] binary = arch == null || !os.contains("linux") ? null : HelperBinaries.binary(arch);
        if (binary == null) {
            throw new IOException("no rustcargo-helper for " + os + "/" + System.getProperty("os.arch"));
        }
        Path dir = Files.createTempDirectory("rustcargo-helper-" + HelperBinaries.version() + "-");
        Path file = dir.resolve("rustcargo-helper");
        Files.write(file, binary);
        if (!file.toFile().setExecutable(true, true)) {
            throw new IOException("cannot make " + file + " executable");
        }
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        executable = file;
        return file;
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values of the variables named as secrets never reach the console or the log file, in
 * either front end: the engine masks every line before it goes to both. The build host here is a
 * plain-Java one whose buildctl prints what a careless build script would.
 */
class SecretMaskingTest {
    private static final String SECRET = "s3cret-value";

    @TempDir
    Path tmp;

    @Test
    void theLogFileIsMaskedLikeTheConsole() throws Exception {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Files.writeString(ws.resolve("Cargo.toml"), "");
        PrintingHost host = new PrintingHost(Files.createDirectory(tmp.resolve("tmp")), List.of("token is " + SECRET + "!", "twice: " + SECRET + SECRET, "nothing secret here"));
        RecordingLog console = new RecordingLog("masking");
        CargoRequest request = CargoRequest.builder().workspace(ws.toString()).args("build").cacheKey("k")
                .daemon(BuildkitAddress.of("tcp://127.0.0.1:1")).hostEnv(Map.of("MY_TOKEN", SECRET, "PATH", "/usr/bin"))
                .secretEnv("MY_TOKEN").logFile(ws.resolve("cargo.log").toString()).build();

        new CargoEngine(host, console).run(request);

        String file = Files.readString(ws.resolve("cargo.log"));
        assertEquals("token is ****!\ntwice: ********\nnothing secret here\n", file);
        assertEquals(List.of("token is ****!", "twice: ********", "nothing secret here"), console.texts("output"));
        assertFalse(console.lines().stream().anyMatch(l -> l.text().contains(SECRET)), "nor in rust-cargo's own lines");
    }

    @Test
    void aMultiLineSecretIsMaskedLineByLine() {
        SecretMask mask = SecretMask.of(Map.of("KEY", "-----BEGIN-----\nAAAA1234\n-----END-----"), List.of("KEY"));
        assertEquals("key: ****", mask.apply("key: AAAA1234"));
        assertEquals("unchanged", mask.apply("unchanged"));
        assertTrue(SecretMask.of(Map.of(), List.of("UNSET")).isEmpty());
    }

    /**
     * A real workspace and temp dir on this machine; the one process it starts stands in for
     * buildctl: it prints {@code lines} on stdout, exports a summary of a passing cargo run and exits 0.
     */
    private static final class PrintingHost implements BuildHost {
        private final LocalBuildHost files;
        private final List<String> lines;
        private String lastTempDir;

        PrintingHost(Path tempRoot, List<String> lines) {
            this.files = new LocalBuildHost(tempRoot);
            this.lines = lines;
        }

        @Override
        public String createTempDir(String prefix) throws IOException, InterruptedException {
            lastTempDir = files.createTempDir(prefix);
            return lastTempDir;
        }

        @Override
        public void writeFile(String path, byte[] content, boolean executable) throws IOException, InterruptedException {
            files.writeFile(path, content, executable);
        }

        @Override
        public boolean exists(String path) {
            return Files.exists(Path.of(path));
        }

        @Override
        public String readFile(String path) throws IOException, InterruptedException {
            return files.readFile(path);
        }

        @Override
        public void deleteRecursively(String path) throws IOException, InterruptedException {
            files.deleteRecursively(path);
        }

        @Override
        public <T extends java.io.Serializable> T run(HostTask<T> task) throws IOException, InterruptedException {
            return files.run(task);
        }

        @Override
        public RunningProcess start(ProcessSpec spec) throws IOException {
            lines.forEach(spec.stdout()::line);
            Path export = Files.createDirectories(Path.of(lastTempDir, "export"));
            Files.writeString(export.resolve("summary.json"), "{\"exit_code\": 0}");
            return new ExitedProcess(0);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The values of the variables named as secrets never reach the console or the log file, in
 * either front end: the engine masks every line before it goes to both. The build host here is a
 * plain-Java one whose buildctl prints what a careless build script would.
 */
class SecretMaskingTest {
    private static final String SECRET = "s3cret-value";

    @Test
    void theLogFileIsMaskedLikeTheConsole() throws Exception {
        PrintingHost host = new PrintingHost(List.of("token is " + SECRET + "!", "twice: " + SECRET + SECRET, "nothing secret here"));
        RecordingLog console = new RecordingLog("masking");
        CargoRequest request = CargoRequest.builder().workspace("/ws").args("build").cacheKey("k")
                .daemon(BuildkitAddress.of("tcp://127.0.0.1:1")).hostEnv(Map.of("MY_TOKEN", SECRET, "PATH", "/usr/bin"))
                .secretEnv("MY_TOKEN").logFile("/ws/cargo.log").build();

        new CargoEngine(host, console).run(request);

        String file = new String(host.files.get("/ws/cargo.log"), StandardCharsets.UTF_8);
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

    /** Every file write is kept; the one process it starts prints {@code lines} on stdout and exits 0. */
    private static final class PrintingHost implements BuildHost {
        final Map<String, byte[]> files = new HashMap<>();
        private final List<String> lines;

        PrintingHost(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public String createTempDir(String prefix) {
            return "/tmp/" + prefix + "x";
        }

        @Override
        public void writeFile(String path, byte[] content, boolean executable) {
            files.put(path, content);
        }

        @Override
        public void writeInsideWorkspace(String workspace, String relative, byte[] content) {
            writeFile(workspace + "/" + relative, content, false);
        }

        @Override
        public boolean exists(String path) {
            return path.equals("/ws/Cargo.toml") || files.containsKey(path);
        }

        @Override
        public String readFile(String path) {
            byte[] b = files.get(path);
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public void deleteRecursively(String path) {}

        @Override
        public RunningProcess start(ProcessSpec spec) {
            lines.forEach(spec.stdout()::line);
            return new RunningProcess() {
                @Override
                public int waitFor() {
                    return 0;
                }

                @Override
                public boolean waitFor(long timeout, TimeUnit unit) {
                    return true;
                }

                @Override
                public void terminate() {}

                @Override
                public void kill() {}
            };
        }
    }
}

package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daemon flags that do not fit together: one line, exit code 2, before any daemon or container is touched. */
class DaemonFlagsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void workspace() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\n");
    }

    private String run(String... args) {
        // No Docker Engine at this DOCKER_HOST: reaching for one would fail with exit code 1, not 2.
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
        String text = err.toString(StandardCharsets.UTF_8);
        err.reset();
        assertEquals(1, text.lines().count(), "exactly one line: " + text);
        return code + " " + text.strip();
    }

    @Test
    void addrAndManagedDaemonExcludeEachOther() {
        assertEquals("2 rustcargo: give --addr or --managed-daemon, not both",
                run("-C", dir.toString(), "--managed-daemon", "--addr", "tcp://a:1234", "--", "build"));
        assertEquals("2 rustcargo: give --addr or --managed-daemon, not both",
                run("caches", "--managed-daemon", "--addr", "tcp://a:1234"));
    }

    @Test
    void daemonNameAndImageNeedManagedDaemon() {
        assertEquals("2 rustcargo: --daemon-name and --daemon-image only apply with --managed-daemon",
                run("-C", dir.toString(), "--daemon-name", "bk", "--", "build"));
    }

    @Test
    void badNamesAndDuplicatesAreBadInput() {
        assertEquals("2 rustcargo: daemon name 'a/b' is not a valid container name: use letters, digits, '_', '.' and '-'",
                run("-C", dir.toString(), "--managed-daemon", "--daemon-name", "a/b", "--", "build"));
        assertEquals("2 rustcargo: BuildKit address tcp://a:1234 is given twice",
                run("-C", dir.toString(), "--addr", "tcp://a:1234", "--addr", "tcp://b:1234", "--addr", "tcp://a:1234", "--", "build"));
    }

    @Test
    void noDockerEngineIsOneLineAndExitCodeOne() {
        String line = run("-C", dir.toString(), "--managed-daemon", "--", "build");
        assertEquals(true, line.startsWith("1 rustcargo: no Docker Engine answers at DOCKER_HOST=unix:///nonexistent/docker.sock ("), line);
    }
}

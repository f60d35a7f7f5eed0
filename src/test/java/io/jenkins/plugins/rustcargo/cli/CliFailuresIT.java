package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast, honest failures of bin/rustcargo against the real buildkitd, registry and tools: each
 * failure is one line naming the real culprit, exit code 1, and an unreachable daemon is reported
 * within 10 s (timed here, in-process, so the JVM's own start-up is not counted).
 */
class CliFailuresIT {
    private static final long LIMIT_MILLIS = 10_000;

    @TempDir
    Path tmp;

    private Path ws;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ServerSocket hung;
    private final List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void workspace() throws IOException {
        ws = RealBuildKit.workspace("tiny");
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket s : accepted) {
            s.close();
        }
        if (hung != null) {
            hung.close();
        }
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The failure line: the last line on stderr (info lines such as the build's header come before it). */
    private String failure() {
        List<String> lines = stderr().lines().toList();
        assertFalse(lines.isEmpty(), "a failure line");
        String last = lines.get(lines.size() - 1);
        assertFalse(stderr().contains("Exception") || stderr().contains("\tat "), stderr());
        assertFalse(stderr().contains("rpc error"), stderr());
        return last;
    }

    /** A loopback port that accepts connections and never says a word: a hung daemon. */
    private String hungPort() throws IOException {
        hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(hung.accept());
                }
            } catch (IOException closed) {
                // test over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return "tcp://127.0.0.1:" + hung.getLocalPort();
    }

    private static String closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    private long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aHungDaemonIsReportedWithinTenSecondsByEveryCommand() throws Exception {
        String addr = hungPort();
        Map<String, String> env = RealBuildKit.hostEnv();
        String[][] commands = {
            {"-C", ws.toString(), "--namespace", RealBuildKit.freshNamespace("hung"), "--addr", addr, "--", "build"},
            {"caches", "--addr", addr},
            {"sweep", "--addr", addr},
        };
        for (String[] args : commands) {
            int[] code = new int[1];
            long millis = timed(() -> code[0] = run(env, args));
            assertEquals(1, code[0], stderr());
            assertTrue(millis < LIMIT_MILLIS + 500, String.join(" ", args) + " took " + millis + " ms");
            assertEquals("rustcargo: BuildKit daemon at " + addr + " is not reachable (no answer within 5 s); check that buildkitd"
                    + " runs there and that the TLS files match, see docs/agent-setup.md", failure());
        }
    }

    @Test
    void aClosedPortIsReportedAtOnceWithTheAddress() throws Exception {
        String addr = closedPort();
        long millis = timed(() -> assertEquals(1, run(RealBuildKit.hostEnv(), "-C", ws.toString(), "--addr", addr, "--", "build")));
        assertTrue(millis < LIMIT_MILLIS, "took " + millis + " ms");
        assertTrue(failure().startsWith("rustcargo: BuildKit daemon at " + addr + " is not reachable ("), failure());
        assertTrue(failure().contains("connection refused"), failure());
    }

    @Test
    void aMissingImageIsNeverReportedAsResolved() throws Exception {
        String image = "127.0.0.1:5000/rustcargo-no-such-image:1";
        assertEquals(1, run(RealBuildKit.hostEnv(), "-C", ws.toString(), "--namespace", RealBuildKit.freshNamespace("noimage"),
                "--image", image, "--", "build"));
        assertFalse(stderr().contains("resolved"), stderr());
        assertTrue(failure().startsWith("rustcargo: toolchain image '" + image + "' was not found in its registry ("), failure());
        assertTrue(failure().endsWith("check the image name and tag, and registry credentials"), failure());
    }

    @Test
    void anUnreachableImageRegistryIsNotBlamedOnTheDaemon() throws Exception {
        String image = closedPort().substring("tcp://".length()) + "/rust:1";
        Map<String, String> env = RealBuildKit.hostEnv();
        long millis = timed(() -> assertEquals(1, run(env, "-C", ws.toString(), "--namespace", RealBuildKit.freshNamespace("noreg"),
                "--image", image, "--", "build")));
        assertTrue(millis < LIMIT_MILLIS, "took " + millis + " ms");
        assertFalse(stderr().contains("is not reachable"), stderr());
        assertFalse(stderr().contains("resolved"), stderr());
        assertTrue(failure().startsWith("rustcargo: the BuildKit daemon at " + env.get("BUILDKIT_HOST")
                + " could not reach the registry of toolchain image '" + image + "' ("), failure());
        assertTrue(failure().contains("connection refused"), failure());
    }

    @Test
    void aMissingBuildkitdIsNeverSaidToHaveStarted() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("buildctl"), Path.of(RealBuildKit.hostEnv().get("RUSTCARGO_BUILDKIT_BIN"), "buildctl"));
        Map<String, String> env = new HashMap<>(RealBuildKit.hostEnv());
        env.remove("BUILDKIT_HOST");
        env.put("RUSTCARGO_BUILDKIT_BIN", bin.toString());
        env.put("RUSTCARGO_STATE_DIR", tmp.resolve("state").toString());
        assertFalse(Files.exists(Path.of("/run/buildkit/buildkitd.sock")), "this test needs the default socket to be free");
        long millis = timed(() -> assertEquals(1, run(env, "-C", ws.toString(), "--", "build")));
        assertTrue(millis < LIMIT_MILLIS, "took " + millis + " ms");
        assertFalse(stderr().contains("started the embedded"), stderr());
        assertEquals("rustcargo: no BuildKit daemon is configured and the embedded one cannot start: buildkitd was not found ("
                + bin + "/buildkitd); install BuildKit (buildkitd and runc, docs/agent-setup.md), set RUSTCARGO_BUILDKIT_BIN,"
                + " or pass a BuildKit address", failure());
        assertFalse(Files.exists(tmp.resolve("state/buildkitd.pid")), "no pid of a process that never ran");
    }

    @Test
    void aMissingBuildctlGetsAHintNotAJavaError() throws Exception {
        Map<String, String> env = new HashMap<>(RealBuildKit.hostEnv());
        env.put("RUSTCARGO_BUILDKIT_BIN", tmp.resolve("nowhere").toString());
        String hint = "rustcargo: buildctl cannot be run (" + tmp.resolve("nowhere") + "/buildctl not found or not executable):"
                + " install BuildKit's buildctl (docs/agent-setup.md) and put it on PATH, or set RUSTCARGO_BUILDKIT_BIN to its directory";
        assertEquals(1, run(env, "-C", ws.toString(), "--", "build"));
        assertEquals(hint, failure());
        assertEquals(1, run(env, "caches"));
        assertEquals(hint, failure());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no table header before the failure");
        assertEquals(1, run(env, "sweep"));
        assertEquals(hint, failure());
    }

    @Test
    void badInputChangesNothingAndNeverReachesTheDaemon() throws Exception {
        // a hung daemon would cost seconds: bad input must be refused before any contact
        String addr = hungPort();
        Map<String, String> env = RealBuildKit.hostEnv();
        String[][] bad = {
            {"sweep", "--addr", addr, "--namespce", "x"},
            {"sweep", "--addr", addr, "--max-age-days", "NaN"},
            {"-C", ws.toString(), "--addr", addr, "--image", "rust::1", "--", "build"},
            {"-C", ws.toString(), "--addr", addr, "--output", "a{1001}", "--", "build"},
            {"-C", ws.toString(), "--addr", addr, "--summary-json", ws.toString(), "--", "build"},
            {"-C", ws.toString(), "--addr", addr, "--cache-key", "", "--", "build"},
        };
        for (String[] args : bad) {
            long millis = timed(() -> assertEquals(2, run(env, args), stderr()));
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(millis < 1_000, String.join(" ", args) + " took " + millis + " ms");
        }
        assertTrue(accepted.isEmpty(), "nothing connected to the daemon address");
    }
}

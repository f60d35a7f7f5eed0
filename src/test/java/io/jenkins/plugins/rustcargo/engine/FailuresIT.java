package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Behaviour 7: exit codes come back, and every failure is one line without gRPC noise. */
class FailuresIT {

    @Test
    void failingTestsReturnCargosExitCode() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("fail");
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(log)
                .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("fail")).args("test -p tiny-core --features fail").build()));
        assertEquals(101, e.exitCode());
        assertEquals("cargo test failed (exit code 101)", e.getMessage());
        assertTrue(log.contains("output", "this test fails on purpose"), "cargo's own output was streamed");
        assertEquals(101, e.summary().exitCode());
    }

    @Test
    void logFileGetsCargosLinesInOrderAlsoWhenCargoFails() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        Path logFile = ws.resolve("reports/cargo-test.log");
        RecordingLog log = new RecordingLog("logfile");
        assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(log).run(RealBuildKit
                .request(ws, RealBuildKit.freshNamespace("logfile")).logFile(logFile.toString())
                .args("test -p tiny-core --features fail").build()));
        java.util.List<String> lines = java.nio.file.Files.readAllLines(logFile);
        assertEquals(log.texts("output"), lines, "exactly cargo's output lines, none of rust-cargo's own");
        int running = indexOf(lines, "Running unittests");
        int failed = indexOf(lines, "test tests::fails_on_purpose ... FAILED");
        assertTrue(running >= 0 && failed > running, "cargo's stderr and the tests' stdout keep their order: " + lines);
    }

    private static int indexOf(java.util.List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void compileErrorsAreShownAsCargoRendersThem() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        java.nio.file.Files.writeString(ws.resolve("tiny-core/src/lib.rs"), "pub fn broken() -> u32 { \"no\" }\n");
        RecordingLog log = new RecordingLog("compile-error");
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(log)
                .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("cerr")).args("build -p tiny-core").build()));
        assertEquals("cargo build failed (exit code 101)", e.getMessage());
        assertTrue(log.contains("output", "error[E0308]: mismatched types"), "rendered diagnostic: " + log.texts("output"));
        assertFalse(log.texts("output").stream().anyMatch(l -> l.startsWith("{\"reason\"")), "no raw JSON messages in the log");
    }

    @Test
    void unreachableDaemonIsReportedQuicklyWithHowToStartOne() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        for (String addr : new String[] {"unix:///tmp/rustcargo-no-such-daemon.sock", "tcp://127.0.0.1:1"}) {
            long start = System.nanoTime();
            DaemonUnavailableException e = assertThrows(DaemonUnavailableException.class, () -> RealBuildKit
                    .engine(new RecordingLog("unreachable")).run(RealBuildKit.request(ws, "unused").daemon(BuildkitAddress.of(addr))
                            .args("build").build()));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds <= 10, "reported within 10 s, took " + seconds);
            assertTrue(e.getMessage().startsWith("BuildKit daemon at " + addr + " is not reachable"), e.getMessage());
            assertTrue(e.getMessage().contains("start") || e.getMessage().contains("buildkitd"), e.getMessage());
            assertFalse(e.getMessage().contains("rpc error"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void missingImageIsOneLine() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(new RecordingLog("noimage"))
                .run(RealBuildKit.request(ws, "unused").image("127.0.0.1:5000/rustcargo/no-such-image:1").args("build").build()));
        assertTrue(e.getMessage().startsWith("toolchain image '127.0.0.1:5000/rustcargo/no-such-image:1' was not found in its registry"),
                e.getMessage());
        assertFalse(e.getMessage().contains("rpc error") || e.getMessage().contains("\n"), e.getMessage());
    }
}

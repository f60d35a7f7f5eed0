package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Behaviours 6 and 9: output streams while cargo runs; interrupting cancels the build. */
class StreamingAndCancellationIT {

    @Test
    void linesArriveWhileCargoIsStillRunning() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("stream");
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("stream"))
                .args("run -q -p tiny-app -- sleep 4").build());
        long end = System.nanoTime();
        RecordingLog.Line sleeping = log.lines().stream().filter(l -> l.text().equals("sleeping")).findFirst().orElseThrow();
        assertTrue(end - sleeping.nanos() >= TimeUnit.SECONDS.toNanos(3),
                "the program's line was shown about 4 s before it finished, not at the end");
    }

    @Test
    void interruptCancelsTheBuildAndReleasesTheLock() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("cancel");
        RecordingLog log = new RecordingLog("cancel");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).args("run -q -p tiny-app -- sleep 300").build());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!log.contains("output", "sleeping") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(log.contains("output", "sleeping"), "the program started");
        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(15));
        assertTrue(!worker.isAlive(), "run() returned after the interrupt");
        assertTrue(System.nanoTime() - interruptedAt < TimeUnit.SECONDS.toNanos(12), "cancelled within a few seconds");
        assertTrue(outcome.get() instanceof InterruptedException, "reported as an interruption: " + outcome.get());

        assertEquals(0, pgrepCount("tiny-app sleep 300"), "no orphan process is left");
        RunSummary next = RealBuildKit.engine(new RecordingLog("after-cancel")).run(RealBuildKit.request(ws, ns)
                .args("build -p tiny-app").build()).summary();
        assertTrue(next.lockWaitMillis() < 3000, "the target lock was released: " + next);
    }

    private static int pgrepCount(String pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int count;
        do {
            Process p = new ProcessBuilder("pgrep", "-f", pattern).start();
            count = (int) new String(p.getInputStream().readAllBytes()).lines().count();
            p.waitFor();
            if (count == 0) {
                return 0;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return count;
    }
}

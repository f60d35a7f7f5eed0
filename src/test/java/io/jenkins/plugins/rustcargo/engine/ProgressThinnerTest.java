package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress ticks (rawjson lines that only move a transfer counter) are what makes buildctl's
 * stream large; the thinner passes at most one per interval, and everything else untouched.
 */
class ProgressThinnerTest {
    private static String tick(long current) {
        return "{\"statuses\":[{\"id\":\"transferring context:\",\"vertex\":\"sha256:a\",\"current\":" + current + "}]}";
    }

    @Test
    void ticksAreThinnedAndEverythingElsePasses() {
        AtomicLong now = new AtomicLong();
        ProgressThinner thinner = new ProgressThinner(TimeUnit.SECONDS.toNanos(1), now::get);
        List<String> passed = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(25)); // 40 ticks a second
            passed.addAll(thinner.accept(tick(i * 1000L)));
        }
        String vertex = "{\"vertexes\":[{\"digest\":\"sha256:a\",\"name\":\"[internal] load build context\",\"started\":\"x\"}]}";
        String log = "{\"logs\":[{\"vertex\":\"sha256:b\",\"stream\":1,\"data\":\"aGk=\"}]}";
        String done = "{\"statuses\":[{\"id\":\"transferring context:\",\"vertex\":\"sha256:a\",\"current\":100000,\"completed\":\"y\"}]}";
        passed.addAll(thinner.accept(vertex));
        passed.addAll(thinner.accept(log));
        passed.addAll(thinner.accept("error: plain text"));
        passed.addAll(thinner.accept(done));
        passed.addAll(thinner.accept(tick(100_001)));
        passed.addAll(thinner.flush());

        assertEquals(List.of(tick(1000), tick(41_000), tick(81_000), tick(100_000), vertex, log, "error: plain text", done, tick(100_001)), passed);
    }
}

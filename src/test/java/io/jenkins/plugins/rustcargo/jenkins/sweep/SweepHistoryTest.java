package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-agent sweep history: newest first, bounded, and kept across restarts in its own file. */
class SweepHistoryTest {
    @TempDir
    Path dir;

    static SweepRecord record(String agent, long at, long freed, String... errors) {
        return new SweepRecord(agent, at, "schedule 'H 3 * * *' on 'rust'", "unix:///run/buildkit/buildkitd.sock", 3, freed, 7,
                1234, List.of(errors), "");
    }

    @Test
    void recordsAreKeptPerAgentNewestFirst() {
        SweepHistory h = new SweepHistory(dir.resolve("h.json"));
        h.add(record("a", 1, 10));
        h.add(record("b", 2, 20));
        h.add(record("a", 3, 30));
        assertEquals(List.of(3L, 1L), h.of("a").stream().map(SweepRecord::getStartedAt).toList());
        assertEquals(List.of("a", "b"), h.agents());
        assertEquals(List.of(), h.of("never-swept"));
    }

    @Test
    void eachAgentKeepsOnlyItsLastRecords() {
        SweepHistory h = new SweepHistory(dir.resolve("h.json"));
        for (int i = 0; i < SweepHistory.PER_AGENT + 5; i++) {
            h.add(record("a", i, i));
        }
        List<SweepRecord> kept = h.of("a");
        assertEquals(SweepHistory.PER_AGENT, kept.size());
        assertEquals(SweepHistory.PER_AGENT + 4, kept.get(0).getStartedAt());
    }

    @Test
    void theHistorySurvivesARestart() {
        Path file = dir.resolve("sub/h.json");
        SweepHistory h = new SweepHistory(file);
        h.add(record("a", 5, 1 << 20, "rustcargo/x/target/...: sweep failed: boom"));
        h.add(new SweepRecord("b", 6, "manual", "tcp://bk:1234", 0, 0, 0, 0, List.of(), "already swept through agent a"));

        SweepHistory reloaded = new SweepHistory(file);
        SweepRecord a = reloaded.of("a").get(0);
        assertEquals(5, a.getStartedAt());
        assertEquals(3, a.getTargetCaches());
        assertEquals((1 << 20) + 7, a.getBytesFreed());
        assertEquals(1234, a.getDurationMillis());
        assertEquals(List.of("rustcargo/x/target/...: sweep failed: boom"), a.getErrors());
        assertEquals("schedule 'H 3 * * *' on 'rust'", a.getTrigger());
        assertEquals("unix:///run/buildkit/buildkitd.sock", a.getDaemon());
        assertEquals("already swept through agent a", reloaded.of("b").get(0).getNote());
        assertTrue(reloaded.of("b").get(0).isSuccessful());
    }

    @Test
    void anUnreadableFileStartsAFreshHistory() throws Exception {
        Path file = dir.resolve("h.json");
        Files.writeString(file, "{not json");
        SweepHistory h = new SweepHistory(file);
        assertEquals(List.of(), h.agents());
        h.add(record("a", 1, 1));
        assertEquals(1, new SweepHistory(file).of("a").size(), "the next sweep replaces the broken file");
    }

    @Test
    void recordsFormatForThePage() {
        SweepRecord r = record("a", 0, 3L << 30);
        assertEquals("3.0 GiB", r.getBytesFreedText());
        assertEquals("1234 ms", r.getDurationText());
        assertEquals("1970-01-01T00:00:00Z", r.getStartedAtText());
        assertEquals("512 B", ByteSizes.format(512));
        assertEquals("20 GiB", ByteSizes.format(20L << 30));
        assertEquals("1.5 MiB", ByteSizes.format(3L << 19));
    }
}

package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sweep of one agent's daemon, as the management page shows it. A plain class with getters
 * (not a record) so Jelly reads it as properties.
 */
public final class SweepRecord {
    private final String agent;
    private final long startedAt;
    private final String trigger;
    private final String daemon;
    private final int targetCaches;
    private final long targetBytesFreed;
    private final long prunedBytes;
    private final long durationMillis;
    private final List<String> errors;
    private final String note;

    SweepRecord(String agent, long startedAt, String trigger, String daemon, int targetCaches, long targetBytesFreed,
            long prunedBytes, long durationMillis, List<String> errors, String note) {
        this.agent = agent;
        this.startedAt = startedAt;
        this.trigger = trigger;
        this.daemon = daemon == null ? "" : daemon;
        this.targetCaches = targetCaches;
        this.targetBytesFreed = targetBytesFreed;
        this.prunedBytes = prunedBytes;
        this.durationMillis = durationMillis;
        this.errors = List.copyOf(errors);
        this.note = note == null ? "" : note;
    }

    static SweepRecord of(String agent, long startedAt, String trigger, String daemon, CacheSweeper.Result r) {
        return new SweepRecord(agent, startedAt, trigger, daemon, r.targetCaches(), r.targetBytesFreed(), r.prunedBytes(),
                r.durationMillis(), r.errors(), "");
    }

    /** A sweep that could not run at all, e.g. no daemon on the agent. */
    static SweepRecord failed(String agent, long startedAt, String trigger, String daemon, long durationMillis, String error) {
        return new SweepRecord(agent, startedAt, trigger, daemon, 0, 0, 0, durationMillis, List.of(error), "");
    }

    /** A sweep that was not needed, e.g. another agent had just swept the same shared daemon. */
    static SweepRecord skipped(String agent, long startedAt, String trigger, String daemon, String note) {
        return new SweepRecord(agent, startedAt, trigger, daemon, 0, 0, 0, 0, List.of(), note);
    }

    /** The sweeps of each daemon of a pool, as one record of the agent. */
    static SweepRecord combine(String agent, long startedAt, String trigger, List<SweepRecord> parts) {
        List<String> daemons = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int caches = 0;
        long freed = 0;
        long pruned = 0;
        long millis = 0;
        for (SweepRecord r : parts) {
            daemons.add(r.daemon);
            r.errors.forEach(e -> errors.add(r.daemon + ": " + e));
            if (!r.note.isEmpty()) {
                notes.add(r.daemon + ": " + r.note);
            }
            caches += r.targetCaches;
            freed += r.targetBytesFreed;
            pruned += r.prunedBytes;
            millis += r.durationMillis;
        }
        return new SweepRecord(agent, startedAt, trigger, String.join(", ", daemons), caches, freed, pruned, millis, errors,
                String.join("; ", notes));
    }

    public String getAgent() {
        return agent;
    }

    public long getStartedAt() {
        return startedAt;
    }

    /** ISO-8601 UTC, for the page's table and for sorting. */
    public String getStartedAtText() {
        return Instant.ofEpochMilli(startedAt).toString();
    }

    /** "schedule 'H 3 * * *' on 'rust'" or "manual (by alice)". */
    public String getTrigger() {
        return trigger;
    }

    public String getDaemon() {
        return daemon;
    }

    public int getTargetCaches() {
        return targetCaches;
    }

    public long getTargetBytesFreed() {
        return targetBytesFreed;
    }

    public long getPrunedBytes() {
        return prunedBytes;
    }

    public long getBytesFreed() {
        return targetBytesFreed + prunedBytes;
    }

    public String getBytesFreedText() {
        return ByteSizes.format(getBytesFreed());
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getDurationText() {
        return durationMillis < 10_000 ? durationMillis + " ms" : Math.round(durationMillis / 1000.0) + " s";
    }

    public List<String> getErrors() {
        return errors;
    }

    /** Why nothing was done, or "". */
    public String getNote() {
        return note;
    }

    public boolean isSuccessful() {
        return errors.isEmpty();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("startedAt", startedAt);
        m.put("trigger", trigger);
        m.put("daemon", daemon);
        m.put("targetCaches", targetCaches);
        m.put("targetBytesFreed", targetBytesFreed);
        m.put("prunedBytes", prunedBytes);
        m.put("durationMillis", durationMillis);
        m.put("errors", errors);
        m.put("note", note);
        return m;
    }

    static SweepRecord fromJson(Map<?, ?> m) {
        List<String> errors = new ArrayList<>();
        if (m.get("errors") instanceof List<?> list) {
            list.forEach(e -> errors.add(String.valueOf(e)));
        }
        return new SweepRecord(String.valueOf(m.get("agent")), number(m.get("startedAt")), String.valueOf(m.get("trigger")),
                m.get("daemon") == null ? "" : String.valueOf(m.get("daemon")), (int) number(m.get("targetCaches")),
                number(m.get("targetBytesFreed")), number(m.get("prunedBytes")), number(m.get("durationMillis")), errors,
                m.get("note") == null ? "" : String.valueOf(m.get("note")));
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }
}

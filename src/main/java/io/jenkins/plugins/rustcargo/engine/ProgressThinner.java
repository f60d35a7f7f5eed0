package io.jenkins.plugins.rustcargo.engine;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Thins buildctl's {@code --progress rawjson} stream where it is produced, before it travels: a
 * line that only moves unfinished transfer counters (a progress tick, many a second during a
 * context upload) passes at most once per interval; the last one held back passes before the next
 * other line, or at the end.
 * Everything {@link ProgressDecoder} reads otherwise (vertices, logs, warnings, finished
 * statuses, plain-text errors) passes untouched and in order.
 */
public final class ProgressThinner {
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long lastPassed;
    private boolean passedAny;
    private String heldBack;

    public ProgressThinner(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** The lines to pass on for {@code line}: the line itself, or none while ticks are thinned. */
    public List<String> accept(String line) {
        if (!isTick(line)) {
            // The tick held back goes first, so the order of the stream never changes.
            List<String> out = flush();
            return out.isEmpty() ? List.of(line) : List.of(out.get(0), line);
        }
        long now = nanoClock.getAsLong();
        if (passedAny && now - lastPassed < intervalNanos) {
            heldBack = line;
            return List.of();
        }
        passedAny = true;
        lastPassed = now;
        heldBack = null;
        return List.of(line);
    }

    /** At the end of the stream: the last tick held back, if any, so the final counts arrive. */
    public List<String> flush() {
        String last = heldBack;
        heldBack = null;
        return last == null ? List.of() : List.of(last);
    }

    private static boolean isTick(String line) {
        if (!line.startsWith("{") || !line.contains("\"statuses\"")) {
            return false;
        }
        Map<String, Object> status;
        try {
            status = Json.parseObject(line);
        } catch (IllegalArgumentException notJson) {
            return false;
        }
        for (Map.Entry<String, Object> e : status.entrySet()) {
            if (!e.getKey().equals("statuses") && e.getValue() instanceof List<?> l && !l.isEmpty()) {
                return false;
            }
        }
        for (Object s : status.get("statuses") instanceof List<?> l ? l : List.of()) {
            if (!(s instanceof Map<?, ?> m) || m.get("completed") != null) {
                return false;
            }
        }
        return true;
    }
}

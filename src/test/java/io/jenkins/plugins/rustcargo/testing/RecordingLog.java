package io.jenkins.plugins.rustcargo.testing;

import io.jenkins.plugins.rustcargo.engine.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A BuildLog that keeps every line with the time it arrived, and echoes it for debugging. */
public final class RecordingLog implements BuildLog {
    public record Line(String kind, String text, long nanos) {}

    private final List<Line> lines = new ArrayList<>();
    private final String name;

    public RecordingLog(String name) {
        this.name = name;
    }

    @Override
    public synchronized void output(String line) {
        add("output", line);
    }

    @Override
    public synchronized void info(String line) {
        add("info", line);
    }

    @Override
    public synchronized void warn(String line) {
        add("warn", line);
    }

    private void add(String kind, String text) {
        lines.add(new Line(kind, text, System.nanoTime()));
        System.out.println("[" + name + "] " + (kind.equals("output") ? "" : kind + ": ") + text);
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> texts(String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).map(Line::text).toList();
    }

    public synchronized boolean contains(String kind, String fragment) {
        return texts(kind).stream().anyMatch(t -> t.contains(fragment));
    }

    /** Crates cargo reported as downloaded, e.g. "itoa v1.0.15". */
    public synchronized List<String> downloaded() {
        return texts("output").stream().map(String::trim).filter(t -> t.matches("Downloaded \\S+ v\\S+"))
                .map(t -> t.substring("Downloaded ".length())).toList();
    }
}

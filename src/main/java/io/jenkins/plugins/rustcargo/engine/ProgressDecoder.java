package io.jenkins.plugins.rustcargo.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads buildctl's {@code --progress rawjson} stream. Cargo's own lines (the helper's RUN step)
 * are passed through as they arrive; BuildKit's vertices are condensed into a few readable lines;
 * the helper's {@code ::rustcargo::} events feed the {@link RunSummary}. Thread-safe: stderr of
 * buildctl and the engine's timer both call in.
 */
final class ProgressDecoder {
    static final String EVENT_PREFIX = "::rustcargo:: ";
    private static final Pattern EXIT_CODE = Pattern.compile("exit code: (\\d+)");
    private static final String HELPER_MARK = "rustcargo-helper";
    private static final String LOAD_METADATA = "load metadata for ";

    private final BuildLog log;
    private final Map<String, Vertex> vertices = new HashMap<>();
    private final Map<String, ByteArrayOutputStream> partialLines = new HashMap<>();
    private final List<String> plainErrors = new ArrayList<>();
    private final List<Map<String, Object>> warnings = new ArrayList<>();

    private String runVertex;
    private Instant runStartedAt;
    private long runStartedNanos;
    private Instant helperStartedAt;
    private long contextBytes;
    private String contextUploadTook;
    private Map<String, Object> summary;
    private Map<String, Object> sweep;
    private String vertexError;
    private boolean heardFromDaemon;
    private String imageError;

    ProgressDecoder(BuildLog log) {
        this.log = log;
    }

    private static final class Vertex {
        String name;
        boolean started;
        boolean completed;
        boolean cached;
        Instant startedAt;
        String error;
    }

    /** True once the daemon sent any status: it is reachable, whatever fails later. */
    synchronized boolean heardFromDaemon() {
        return heardFromDaemon;
    }

    /** The error resolving the toolchain image (missing, registry unreachable), or null. */
    synchronized String imageError() {
        return imageError;
    }

    /** One line of buildctl's stderr: a rawjson status object, or plain text (errors). */
    synchronized void acceptLine(String line) {
        if (line.startsWith("{")) {
            try {
                acceptStatus(Json.parseObject(line));
                return;
            } catch (IllegalArgumentException notJson) {
                // fall through: keep it as plain text
            }
        }
        if (!line.isBlank()) {
            plainErrors.add(line);
        }
    }

    @SuppressWarnings("unchecked")
    private void acceptStatus(Map<String, Object> status) {
        heardFromDaemon = true;
        for (Object o : list(status.get("vertexes"))) {
            acceptVertex((Map<String, Object>) o);
        }
        for (Object o : list(status.get("statuses"))) {
            Map<String, Object> s = (Map<String, Object>) o;
            Vertex v = vertices.get(Json.asString(s.get("vertex")));
            String id = Json.asString(s.get("id"));
            if (v != null && v.name != null && v.name.contains("load build context") && id != null
                    && id.startsWith("transferring")) {
                contextBytes = Math.max(contextBytes, Json.asLong(s.get("current")));
            }
        }
        for (Object o : list(status.get("logs"))) {
            acceptLog((Map<String, Object>) o);
        }
        for (Object o : list(status.get("warnings"))) {
            warnings.add((Map<String, Object>) o);
        }
    }

    private void acceptVertex(Map<String, Object> m) {
        String digest = Json.asString(m.get("digest"));
        Vertex v = vertices.computeIfAbsent(digest, d -> new Vertex());
        if (m.get("name") != null) {
            v.name = Json.asString(m.get("name"));
        }
        if (v.name != null && v.name.contains(HELPER_MARK)) {
            runVertex = digest;
        }
        if (Boolean.TRUE.equals(m.get("cached"))) {
            v.cached = true;
        }
        if (m.get("started") != null && !v.started) {
            v.started = true;
            v.startedAt = parseTime(m.get("started"));
            if (digest.equals(runVertex)) {
                runStartedAt = v.startedAt;
                runStartedNanos = System.nanoTime();
                reportContextUpload();
            }
        }
        if (m.get("error") != null && !Json.asString(m.get("error")).isEmpty()) {
            v.error = Json.asString(m.get("error"));
            if (vertexError == null || digest.equals(runVertex)) {
                vertexError = v.error;
            }
            if (v.name != null && v.name.contains(LOAD_METADATA) && imageError == null) {
                imageError = v.error;
            }
        }
        if (m.get("completed") != null && !v.completed) {
            v.completed = true;
            describeCompletion(v, parseTime(m.get("completed")));
        }
    }

    private void describeCompletion(Vertex v, Instant completedAt) {
        if (v.name == null || v.startedAt == null || completedAt == null) {
            return;
        }
        String took = seconds(Duration.between(v.startedAt, completedAt).toMillis());
        if (v.name.contains(LOAD_METADATA)) {
            if (v.error == null) { // a failed resolution is reported once, as the build's error
                log.info("image " + v.name.substring(v.name.indexOf(LOAD_METADATA) + LOAD_METADATA.length()) + " resolved in " + took);
            }
        } else if (v.name.contains("load build context")) {
            // The byte count may still arrive after completion; report when cargo's step starts.
            contextUploadTook = took;
        } else if (v.name.contains(" FROM ") && !v.cached && Duration.between(v.startedAt, completedAt).toMillis() >= 500) {
            log.info("image layers ready in " + took);
        } else if (v.name.contains("exporting to client")) {
            log.info("outputs exported in " + took);
        }
    }

    private void reportContextUpload() {
        if (contextUploadTook != null) {
            log.info("context uploaded: " + bytes(contextBytes) + " in " + contextUploadTook);
            contextUploadTook = null;
        }
    }

    private void acceptLog(Map<String, Object> m) {
        String vertex = Json.asString(m.get("vertex"));
        if (vertex == null || !vertex.equals(runVertex)) {
            return;
        }
        long stream = Json.asLong(m.get("stream"));
        byte[] data = Base64.getDecoder().decode(Json.asString(m.get("data")));
        String key = vertex + "/" + stream;
        ByteArrayOutputStream buf = partialLines.computeIfAbsent(key, k -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                buf.write(data, start, i - start);
                runLine(stream, buf.toString(StandardCharsets.UTF_8));
                buf.reset();
                start = i + 1;
            }
        }
        buf.write(data, start, data.length - start);
    }

    private void runLine(long stream, String line) {
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (stream == 1 && line.startsWith(EVENT_PREFIX)) {
            try {
                acceptEvent(Json.parseObject(line.substring(EVENT_PREFIX.length())));
                return;
            } catch (IllegalArgumentException notAnEvent) {
                // a program that happens to print our prefix: show it
            }
        }
        log.output(line);
    }

    private void acceptEvent(Map<String, Object> e) {
        switch (String.valueOf(e.get("event"))) {
            case "start":
                helperStartedAt = Instant.ofEpochMilli(Json.asLong(e.get("time_ms")));
                break;
            case "freshness":
                describeFreshness(e);
                break;
            case "warning":
                log.warn(Json.asString(e.get("message")));
                break;
            case "sweep":
                sweep = e;
                if (Json.asLong(e.get("swept_units")) > 0) {
                    log.info("target cache swept: freed " + bytes(Json.asLong(e.get("swept_bytes"))) + " ("
                            + e.get("swept_units") + " units), now " + bytes(Json.asLong(e.get("target_bytes"))));
                }
                break;
            case "summary":
                summary = e;
                break;
            default:
                break;
        }
    }

    private void describeFreshness(Map<String, Object> e) {
        if ("fingerprints".equals(e.get("mode"))) {
            if (Json.asLong(e.get("removed")) > 0) {
                log.info("removed " + e.get("removed") + " workspace fingerprints (keepFingerprints: false)");
            }
        } else if (Json.asLong(e.get("touched")) > 0) {
            log.info(e.get("touched") + " source files changed content since the cached build; cargo will rebuild them");
        }
    }

    /** Called periodically; true once if cargo's step has started but waits for the target lock. */
    synchronized boolean waitingForLock(long thresholdNanos) {
        return runStartedAt != null && helperStartedAt == null && System.nanoTime() - runStartedNanos > thresholdNanos;
    }

    synchronized long lockWaitMillis() {
        if (runStartedAt == null || helperStartedAt == null) {
            return 0;
        }
        return Math.max(0, Duration.between(runStartedAt, helperStartedAt).toMillis());
    }

    synchronized Map<String, Object> summaryEvent() {
        return summary;
    }

    synchronized Map<String, Object> sweepEvent() {
        return sweep;
    }

    synchronized long contextBytes() {
        return contextBytes;
    }

    synchronized boolean cargoStarted() {
        return helperStartedAt != null;
    }

    /** Cargo's exit code from the failed step's error, or -1. */
    synchronized int failedExitCode() {
        for (String s : allErrors()) {
            Matcher m = EXIT_CODE.matcher(s);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    synchronized List<String> allErrors() {
        List<String> all = new ArrayList<>();
        if (vertexError != null) {
            all.add(vertexError);
        }
        all.addAll(plainErrors);
        return all;
    }

    synchronized List<String> plainErrors() {
        return List.copyOf(plainErrors);
    }

    private static List<?> list(Object o) {
        return o instanceof List ? (List<?>) o : List.of();
    }

    private static Instant parseTime(Object o) {
        try {
            return o == null ? null : Instant.parse(o.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }
}

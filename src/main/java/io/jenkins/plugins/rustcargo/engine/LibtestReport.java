package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads libtest's JSON events ({@code --format json --report-time}) out of cargo's output,
 * collects them for a {@link JunitXml} report, and shows each event in the log as libtest's
 * own text would read, so the console looks like a plain {@code cargo test}. Every other line
 * passes through. Cargo's {@code Running}/{@code Doc-tests} lines (stderr) name the test
 * binaries: they and the suites (stdout) may interleave, but each stream keeps its order, so the
 * n-th suite belongs to the n-th binary.
 */
final class LibtestReport implements BuildLog {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Pattern RUNNING = Pattern.compile("^\\s*Running\\s+(.+?)\\s+\\((\\S+)\\)\\s*$");
    private static final Pattern DOC_TESTS = Pattern.compile("^\\s*Doc-tests\\s+(\\S+)\\s*$");
    private static final Pattern HASH = Pattern.compile("-[0-9a-f]{16}$");

    /** One test binary, as cargo announced it. */
    record Binary(String crate, String source, boolean doc, boolean bin) {}

    /** One test and what libtest said about it. */
    record Case(String name, String status, double seconds, String message, String output) {}

    /** One run of one test binary. */
    static final class Suite {
        final List<Case> cases = new ArrayList<>();
        Binary binary;
        double seconds;
    }

    private final BuildLog log;
    private final List<Binary> binaries = new ArrayList<>();
    private final List<Suite> suites = new ArrayList<>();
    private Suite current;

    LibtestReport(BuildLog log) {
        this.log = log;
    }

    @Override
    public synchronized void output(String line) {
        Map<String, Object> event = event(line);
        if (event == null) {
            noteBinary(ANSI.matcher(line).replaceAll(""));
            log.output(line);
            return;
        }
        String type = Json.asString(event.get("type"));
        String what = Json.asString(event.get("event"));
        if ("suite".equals(type) && "started".equals(what)) {
            current = new Suite();
            suites.add(current);
            long n = Json.asLong(event.get("test_count"));
            log.output("running " + n + (n == 1 ? " test" : " tests"));
        } else if ("suite".equals(type) && current != null) {
            current.seconds = seconds(event);
            log.output(String.format(Locale.ROOT, "test result: %s. %d passed; %d failed; %d ignored; %d measured; "
                    + "%d filtered out; finished in %.2fs", "ok".equals(what) ? "ok" : "FAILED", Json.asLong(event.get("passed")),
                    Json.asLong(event.get("failed")), Json.asLong(event.get("ignored")), Json.asLong(event.get("measured")),
                    Json.asLong(event.get("filtered_out")), current.seconds));
            current = null;
        } else if ("test".equals(type) && current != null && !"started".equals(what)) {
            testEvent(event, what);
        } else if (!"test".equals(type) && !"report".equals(type)) {
            log.output(line); // bench results and future event types: shown as they are
        }
    }

    private void testEvent(Map<String, Object> event, String what) {
        String name = Json.asString(event.get("name"));
        String stdout = event.get("stdout") == null ? "" : Json.asString(event.get("stdout"));
        switch (what) {
            case "ok" -> current.cases.add(new Case(name, "passed", seconds(event), null, null));
            case "ignored" -> {
                String reason = event.get("message") == null ? null : Json.asString(event.get("message"));
                current.cases.add(new Case(name, "skipped", 0, reason, null));
                log.output("test " + name + " ... ignored" + (reason == null ? "" : ", " + reason));
                return;
            }
            case "failed" -> {
                current.cases.add(new Case(name, "failed", seconds(event), failureMessage(stdout), stdout.strip()));
                log.output("test " + name + " ... FAILED");
                log.output("---- " + name + " stdout ----");
                stdout.strip().lines().forEach(log::output);
                return;
            }
            default -> {
                log.output("test " + name + " ... " + what);
                return;
            }
        }
        log.output("test " + name + " ... ok");
    }

    private void noteBinary(String line) {
        Matcher m = RUNNING.matcher(line);
        if (m.matches()) {
            String file = m.group(2).replaceAll("^.*/", "").replaceAll("\\.exe$", "");
            String source = m.group(1);
            boolean bin = source.startsWith("unittests src/main.rs") || source.startsWith("unittests src/bin/");
            binaries.add(new Binary(HASH.matcher(file).replaceAll(""), source, false, bin));
            return;
        }
        m = DOC_TESTS.matcher(line);
        if (m.matches()) {
            binaries.add(new Binary(m.group(1), "doc-tests", true, false));
        }
    }

    /** The suites seen so far, each paired with its binary (null when cargo did not name it). */
    synchronized List<Suite> suites() {
        for (int i = 0; i < suites.size(); i++) {
            suites.get(i).binary = i < binaries.size() ? binaries.get(i) : null;
        }
        return List.copyOf(suites);
    }

    private static Map<String, Object> event(String line) {
        String t = line.strip();
        if (!t.startsWith("{") || !t.contains("\"type\"")) {
            return null;
        }
        try {
            Map<String, Object> m = Json.parseObject(t);
            Object type = m.get("type");
            return "suite".equals(type) || "test".equals(type) || "report".equals(type) || "bench".equals(type) ? m : null;
        } catch (RuntimeException notJson) {
            return null; // a program's output that merely looks like an event
        }
    }

    private static double seconds(Map<String, Object> event) {
        Object t = event.get("exec_time");
        return t instanceof Number n ? n.doubleValue() : 0;
    }

    /** The panic's message: the line after "thread '...' panicked at file:line:col:", else the first line. */
    static String failureMessage(String stdout) {
        List<String> lines = stdout.strip().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^thread '.*?'(?: \\(\\d+\\))? panicked at .*:$") && i + 1 < lines.size()) {
                return lines.get(i + 1).strip();
            }
        }
        return lines.isEmpty() ? "test failed" : lines.get(0).strip();
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }
}

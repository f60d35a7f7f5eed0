package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.engine.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last sweeps of each agent, newest first, kept in a small JSON file of its own under
 * JENKINS_HOME ({@code io.jenkins.plugins.rustcargo.sweep-history.json}). Not in the global
 * configuration: sweep results change every day and must not show up as configuration changes
 * (config history, JCasC export). Bounded: {@link #PER_AGENT} records per agent and
 * {@link #MAX_AGENTS} agents, dropping the agents swept longest ago.
 */
public final class SweepHistory {
    static final int PER_AGENT = 20;
    static final int MAX_AGENTS = 500;
    private static final Logger LOGGER = Logger.getLogger(SweepHistory.class.getName());

    private final Path file;
    private final Map<String, Deque<SweepRecord>> byAgent = new TreeMap<>();

    /** Reads the file if it exists; an unreadable file is logged and replaced by the next sweep. */
    SweepHistory(Path file) {
        this.file = file;
        load();
    }

    synchronized void add(SweepRecord r) {
        Deque<SweepRecord> records = byAgent.computeIfAbsent(r.getAgent(), k -> new ArrayDeque<>());
        records.addFirst(r);
        while (records.size() > PER_AGENT) {
            records.removeLast();
        }
        while (byAgent.size() > MAX_AGENTS) {
            byAgent.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().peekFirst().getStartedAt()))
                    .ifPresent(e -> byAgent.remove(e.getKey()));
        }
        save();
    }

    /** Newest first; empty for an agent never swept. */
    public synchronized List<SweepRecord> of(String agent) {
        Deque<SweepRecord> records = byAgent.get(agent);
        return records == null ? List.of() : List.copyOf(records);
    }

    /** Agents with at least one record, by name. */
    public synchronized List<String> agents() {
        return new ArrayList<>(byAgent.keySet());
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Map<String, Object> root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            if (root.get("agents") instanceof Map<?, ?> agents) {
                for (Map.Entry<?, ?> e : agents.entrySet()) {
                    Deque<SweepRecord> records = new ArrayDeque<>();
                    if (e.getValue() instanceof List<?> list) {
                        for (Object o : list) {
                            if (o instanceof Map<?, ?> m && records.size() < PER_AGENT) {
                                records.addLast(SweepRecord.fromJson(m));
                            }
                        }
                    }
                    if (!records.isEmpty()) {
                        byAgent.put(String.valueOf(e.getKey()), records);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot read the rust-cargo sweep history " + file + "; starting a new one", e);
            byAgent.clear();
        }
    }

    private void save() {
        Map<String, Object> agents = new LinkedHashMap<>();
        byAgent.forEach((agent, records) -> agents.put(agent, records.stream().map(SweepRecord::toJson).toList()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("agents", agents);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The history is informational: a full disk must not break sweeping.
            LOGGER.log(Level.WARNING, "Cannot write the rust-cargo sweep history " + file, e);
        }
    }
}

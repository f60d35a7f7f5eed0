package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Replaces the values of the variables named as secrets with {@code ****}, as Jenkins masks bound
 * credentials. The engine applies it to every line before it reaches the console or the log
 * file, so both front ends and both destinations show the same masked text.
 */
final class SecretMask {
    static final String MASK = "****";

    /** Longest first, so a value that contains another is masked whole. */
    private final List<String> values;

    private SecretMask(List<String> values) {
        this.values = values;
    }

    static SecretMask of(Map<String, String> hostEnv, List<String> secretNames) {
        List<String> values = new ArrayList<>();
        for (String name : secretNames) {
            String value = hostEnv.get(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            values.add(value);
            // Lines are masked one at a time, so a multi-line value is masked by its lines.
            value.lines().filter(l -> !l.isBlank()).forEach(values::add);
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMask(List.copyOf(values));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    String apply(String line) {
        String masked = line;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    /** {@code log}, with every line masked first. */
    BuildLog wrap(BuildLog log) {
        if (isEmpty()) {
            return log;
        }
        return new BuildLog() {
            @Override
            public void output(String line) {
                log.output(apply(line));
            }

            @Override
            public void info(String line) {
                log.info(apply(line));
            }

            @Override
            public void warn(String line) {
                log.warn(apply(line));
            }
        };
    }
}

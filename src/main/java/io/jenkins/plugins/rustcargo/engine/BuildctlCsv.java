package io.jenkins.plugins.rustcargo.engine;

import java.util.List;

/**
 * buildctl reads {@code --output} (and {@code --secret}) values as one CSV record of
 * {@code key=value} fields, so a comma in a path would start a new field ({@code dest=/x,dest=/y}
 * exports to {@code /y}). Every field goes through here and is quoted by CSV rules.
 */
final class BuildctlCsv {
    private BuildctlCsv() {}

    static String record(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(field(f));
        }
        return sb.toString();
    }

    static String field(String f) {
        boolean plain = !f.isEmpty() && f.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                && !Character.isWhitespace(f.charAt(0)) && !Character.isWhitespace(f.charAt(f.length() - 1));
        return plain ? f : '"' + f.replace("\"", "\"\"") + '"';
    }
}

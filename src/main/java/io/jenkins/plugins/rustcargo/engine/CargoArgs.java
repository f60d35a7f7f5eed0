package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the user's {@code args} into cargo's argv. A string is split with POSIX-shell-like
 * quoting (single quotes, double quotes, backslash) but nothing else a shell does: no variables,
 * globs, pipes or {@code ;}. The argv then reaches cargo through an exec-form RUN, so no shell
 * ever sees it.
 */
public final class CargoArgs {
    /**
     * The argv lands on one line of the generated Dockerfile, as JSON; BuildKit's Dockerfile
     * parser refuses lines over 64 KiB, so the JSON form of cargo's arguments stays below this.
     */
    public static final int MAX_JSON_BYTES = 60 * 1024;

    private CargoArgs() {}

    /** Splits {@code args}; a leading {@code cargo} word is dropped so both spellings work. */
    public static List<String> parse(String args) throws InvalidRequestException {
        if (args == null || args.isBlank()) {
            throw new InvalidRequestException(
                    "args is empty: pass a cargo command such as 'build --release' or 'test'");
        }
        return normalize(split(args));
    }

    /** Validates an argv given as a list. */
    public static List<String> of(List<String> argv) throws InvalidRequestException {
        if (argv == null || argv.isEmpty()) {
            throw new InvalidRequestException(
                    "args is empty: pass a cargo command such as 'build --release' or 'test'");
        }
        for (String a : argv) {
            if (a == null) {
                throw new InvalidRequestException("args contains a null element: remove it");
            }
        }
        return normalize(new ArrayList<>(argv));
    }

    private static List<String> normalize(List<String> words) throws InvalidRequestException {
        if (!words.isEmpty() && words.get(0).equals("cargo")) {
            words.remove(0);
        }
        if (words.isEmpty()) {
            throw new InvalidRequestException(
                    "args names no cargo command: pass one such as 'build' or 'test'");
        }
        int size = Json.write(words).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_JSON_BYTES) {
            throw new InvalidRequestException("cargo arguments take " + size + " bytes; at most " + MAX_JSON_BYTES
                    + " fit into one build (BuildKit's 64 KiB line limit): pass long lists through a file or the environment");
        }
        return Collections.unmodifiableList(words);
    }

    static List<String> split(String s) throws InvalidRequestException {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unterminated("single", s);
                }
                word.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(s, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new InvalidRequestException(
                            "args ends with a lone backslash in '" + s + "': remove it or escape it as \\\\");
                }
                word.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    private static int readDoubleQuoted(String s, int i, StringBuilder word) throws InvalidRequestException {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw unterminated("double", s);
    }

    private static InvalidRequestException unterminated(String kind, String s) {
        return new InvalidRequestException("args has an unterminated " + kind + " quote in '" + s
                + "': close the quote, or pass args as a list");
    }

    /** Renders argv for logs so that it can be pasted back into {@code args}. */
    public static String render(List<String> argv) {
        StringBuilder sb = new StringBuilder("cargo");
        for (String a : argv) {
            sb.append(' ');
            if (!a.isEmpty() && a.matches("[A-Za-z0-9_@%+=:,./-]+")) {
                sb.append(a);
            } else {
                sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }
}

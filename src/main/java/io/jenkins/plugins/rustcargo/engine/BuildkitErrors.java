package io.jenkins.plugins.rustcargo.engine;

import java.util.List;
import java.util.regex.Pattern;

/** Turns buildctl's error text into one readable line: no gRPC codes, no stack traces. */
final class BuildkitErrors {
    private static final Pattern GRPC_NOISE =
            Pattern.compile("(rpc error: code = \\w+ desc = |failed to solve: |error: |ERROR: )");
    private static final int MAX_LENGTH = 300;

    private BuildkitErrors() {}

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = GRPC_NOISE.matcher(text.replace('\n', ' ')).replaceAll("").replaceAll("\\s+", " ").trim();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }

    static boolean looksUnreachable(List<String> errors) {
        for (String e : errors) {
            String s = e.toLowerCase(java.util.Locale.ROOT);
            if (s.contains("connection refused") || s.contains("no such file or directory") && s.contains("sock")
                    || s.contains("failed to dial") || s.contains("error while dialing") || s.contains("connection error")
                    || s.contains("context deadline exceeded") || s.contains("failed to get status")
                    || s.contains("no such host") || s.contains("i/o timeout") || s.contains("broken pipe")
                    || s.contains("connection reset") || s.contains("tls:") || s.contains("x509:")
                    || s.contains("certificate required") || s.contains("handshake")) {
                return true;
            }
        }
        return false;
    }

    /** The most telling line of a failed build (the last "error:" line, else the last line). */
    static String summary(List<String> errors) {
        for (int i = errors.size() - 1; i >= 0; i--) {
            String s = errors.get(i);
            if (s.startsWith("error:") || s.contains("failed to solve")) {
                return clean(s);
            }
        }
        return errors.isEmpty() ? "buildctl failed without a message" : clean(errors.get(errors.size() - 1));
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 500M}, {@code 20G}, {@code 20GiB} or plain bytes; -1 means unlimited. */
public final class Sizes {
    /** 1024 TiB: far above any disk, far below where a long overflows. */
    static final double MAX_BYTES = Math.pow(1024, 5);
    private static final Pattern SIZE = Pattern.compile("(-1|\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?");

    private Sizes() {}

    public static long parse(String what, String text, long dflt) throws InvalidRequestException {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidRequestException(what + " '" + text + "' is not a size: use bytes or a unit, e.g. 500M or 20G (-1 = unlimited)");
        }
        if (m.group(1).equals("-1")) {
            return -1;
        }
        int power = "kmgt".indexOf(m.group(2)) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes > MAX_BYTES) {
            throw new InvalidRequestException(what + " '" + text + "' is too large: at most 1024T (-1 = unlimited)");
        }
        return (long) bytes;
    }
}

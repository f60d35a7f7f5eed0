package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.engine.Amounts;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.Sizes;

/**
 * Reads the threshold fields of the configuration. They are text so that "blank" can mean
 * "inherit" (from the global defaults) or "off", and so that sizes read like {@code 20G}.
 */
public final class Thresholds {
    /** buildctl's {@code --keep-storage} counts megabytes of 10^6 bytes. */
    static final long BUILDKIT_MB = 1_000_000L;

    private Thresholds() {}

    /** A number of days: 0 or more (decimals allowed), or -1 for never; blank gives {@code blank}. */
    public static double days(String what, String text, double blank) throws InvalidRequestException {
        return Amounts.days(what, text, blank);
    }

    /** A size such as {@code 500M} or {@code 20G}, or -1 for unlimited; blank gives {@code blank}. */
    public static long bytes(String what, String text, long blank) throws InvalidRequestException {
        return Sizes.parse(what, text, blank);
    }

    /** Bytes as buildctl's whole megabytes, rounded down; negative stays -1 (off). */
    static long buildkitMegabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / BUILDKIT_MB;
    }

    /** Trimmed text, "" for null: what the setters store. */
    public static String clean(String text) {
        return text == null ? "" : text.trim();
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.util.regex.Pattern;

/**
 * The one place that reads the numeric thresholds users type (days, megabytes), for the CLI flags,
 * the step and the global configuration alike. {@code what} names the flag or parameter in the
 * message. Only plain decimal digits are accepted: no NaN, no infinity, no exponent, no sign
 * except the literal -1 that means "never".
 */
public final class Amounts {
    private static final Pattern DAYS = Pattern.compile("-1|\\d{1,6}(\\.\\d{1,6})?");
    private static final Pattern WHOLE = Pattern.compile("-1|\\d{1,12}");
    /** A hundred years: beyond it, an age limit means nothing and arithmetic on it risks overflow. */
    public static final double MAX_DAYS = 36_500;

    private Amounts() {}

    /** A number of days: 0 or more (decimals allowed) up to {@link #MAX_DAYS}, or -1 for never; blank gives {@code blank}. */
    public static double days(String what, String text, double blank) throws InvalidRequestException {
        if (text == null || text.isBlank()) {
            return blank;
        }
        String t = text.trim();
        if (!DAYS.matcher(t).matches() || Double.parseDouble(t) > MAX_DAYS) {
            throw new InvalidRequestException(what + " '" + text
                    + "' is not a number of days: use 0 or more, or -1 for never (at most " + (long) MAX_DAYS + ")");
        }
        return Double.parseDouble(t);
    }

    /** A whole number such as megabytes: 0 or more, or -1 for never; blank gives {@code blank}. */
    public static long whole(String what, String text, long blank) throws InvalidRequestException {
        if (text == null || text.isBlank()) {
            return blank;
        }
        String t = text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw new InvalidRequestException(what + " '" + text + "' is not a whole number: use 0 or more, or -1 for never");
        }
        return Long.parseLong(t);
    }
}

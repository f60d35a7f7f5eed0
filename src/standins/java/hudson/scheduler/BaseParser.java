// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/scheduler/BaseParser.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.scheduler;

import java.text.MessageFormat;

/**
 * Semantic actions of the crontab grammar: ranges, steps and {@code H} hashing, with upstream's range checks and
 * error messages (the English texts of {@code hudson/scheduler/Messages.properties}, formatted with
 * {@link MessageFormat} as localizer does).
 *
 * <p>Upstream this is the superclass of the ANTLR-generated {@code CrontabParser} and extends ANTLR's
 * {@code Parser}; here the ANTLR supertype is left out and the hand-written parser in {@link CronTab} extends it.
 * {@link #error(String)} raises the same thing upstream's {@code InputMismatchException} turns into:
 * an {@link antlr.ANTLRException} reading {@code line L:C: <message>}, positioned at the current lookahead token.
 */
abstract class BaseParser {
    // lower/upper bounds of fields (inclusive)
    static final int[] LOWER_BOUNDS = new int[] {0, 0, 1, 1, 0};
    static final int[] UPPER_BOUNDS = new int[] {59, 23, 31, 12, 7};

    /**
     * Used to pick a value from within the range
     */
    protected Hash hash = Hash.zero();

    /**
     * Custom error message overriding ANTLR's {@code InputMismatchException}
     */
    private String errorMessage;

    BaseParser() {
    }

    public void setHash(Hash hash) {
        if (hash == null)     hash = Hash.zero();
        this.hash = hash;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    protected long doRange(int start, int end, int step, int field) {
        rangeCheck(start, field);
        rangeCheck(end, field);
        if (step <= 0)
            error(MessageFormat.format("step must be positive, but found {0}", step));
        if (start > end)
            error(MessageFormat.format("You mean {0}-{1}?", end, start));

        long bits = 0;
        for (int i = start; i <= end; i += step) {
            bits |= 1L << i;
        }
        return bits;
    }

    protected long doRange(int step, int field) {
        return doRange(LOWER_BOUNDS[field], UPPER_BOUNDS[field], step, field);
    }

    /**
     * Uses {@link Hash} to choose a random (but stable) value from within this field.
     *
     * @param step
     *      Increments. For example, 15 if "H/15". Or {@link #NO_STEP} to indicate
     *      the special constant for "H" without the step value.
     */
    protected long doHash(int step, int field) {
        int u = UPPER_BOUNDS[field];
        if (field == 2) u = 28;   // day of month can vary depending on month, so to make life simpler, just use [1,28] that's always safe
        if (field == 4) u = 6;   // Both 0 and 7 of day of week are Sunday. For better distribution, limit upper bound to 6
        return doHash(LOWER_BOUNDS[field], u, step, field);
    }

    protected long doHash(int s, int e, int step, int field) {
        rangeCheck(s, field);
        rangeCheck(e, field);
        if (step > e - s + 1) {
            error(MessageFormat.format("{0} is an invalid value. Must be within {1} and {2}", step, 1, e - s + 1));
            throw new AssertionError();
        } else if (step > 1) {
            long bits = 0;
            for (int i = hash.next(step) + s; i <= e; i += step) {
                bits |= 1L << i;
            }
            assert bits != 0;
            return bits;
        } else if (step <= 0) {
            error(MessageFormat.format("step must be positive, but found {0}", step));
            throw new AssertionError();
        } else {
            assert step == NO_STEP;
            // step=1 (i.e. omitted) in the case of hash is actually special; means pick one value, not step by 1
            return 1L << (s + hash.next(e + 1 - s));
        }
    }

    protected void rangeCheck(int value, int field) {
        if (value < LOWER_BOUNDS[field] || UPPER_BOUNDS[field] < value) {
            error(MessageFormat.format("{0} is an invalid value. Must be within {1} and {2}", value, LOWER_BOUNDS[field], UPPER_BOUNDS[field]));
        }
    }

    private void error(String msg) {
        setErrorMessage(msg);
        throw inputMismatch();
    }

    /**
     * Upstream: {@code new InputMismatchException(this)}, reported through {@code JenkinsANTLRErrorListener}
     * with {@link #getErrorMessage()} as the message, at the current token.
     */
    abstract RuntimeException inputMismatch();

    protected Hash getHashForTokens() {
        return HASH_TOKENS ? hash : Hash.zero();
    }

    /**
     * This property hashes tokens in the cron tab tokens like @daily so that they spread evenly.
     */
    public static boolean HASH_TOKENS = !"false".equals(System.getProperty(BaseParser.class.getName() + ".hash"));

    /**
     * Constant that indicates no step value.
     */
    public static final int NO_STEP = 1;
}

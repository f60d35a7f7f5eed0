// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/scheduler/CronTab.java @ jenkins-2.479.3 (complete, behaviour ported; the ANTLR parser is replaced by a hand-written equivalent; see docs/standins.md)
/*
 * The MIT License
 *
 * Copyright (c) 2004-2009, Sun Microsystems, Inc., Kohsuke Kawaguchi, InfraDNA, Inc.
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */

package hudson.scheduler;

import static java.util.Calendar.DAY_OF_MONTH;
import static java.util.Calendar.HOUR_OF_DAY;
import static java.util.Calendar.MINUTE;
import static java.util.Calendar.MONTH;

import antlr.ANTLRException;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table for driving scheduled tasks.
 *
 * @author Kohsuke Kawaguchi
 */
public final class CronTab {
    /**
     * bits[0]: minutes
     * bits[1]: hours
     * bits[2]: days
     * bits[3]: months
     *
     * false:not scheduled &lt;-> true scheduled
     */
    final long[] bits = new long[4];

    int dayOfWeek;

    /**
     * Textual representation.
     */
    private String spec;

    /**
     * Optional timezone string for calendar
     */
    private @CheckForNull String specTimezone;

    /**
     * @param format the crontab entry to be parsed
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     */
    public CronTab(String format) {
        this(format, null);
    }

    /**
     * @param format the crontab entry to be parsed
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     */
    public CronTab(String format, Hash hash) {
        this(format, 1, hash);
    }

    /**
     * @param format the crontab entry to be parsed
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     * @deprecated use {@link #CronTab(String, int, Hash)}
     */
    @Deprecated(since = "1.448")
    public CronTab(String format, int line) {
        set(format, line, null);
    }

    /**
     * @param format the crontab entry to be parsed
     * @param hash
     *      Used to spread out token like "@daily". Null to preserve the legacy behaviour
     *      of not spreading it out at all.
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     */
    public CronTab(String format, int line, Hash hash) {
        this(format, line, hash, null);
    }

    /**
     * @param format the crontab entry to be parsed
     * @param timezone
     *      Used to schedule cron in a different timezone. Null to use the default system
     *      timezone
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     * @since 1.615
     */
    public CronTab(String format, int line, Hash hash, @CheckForNull String timezone) {
        set(format, line, hash, timezone);
    }

    private void set(String format, int line, Hash hash) {
        set(format, line, hash, null);
    }

    /**
     * @since 1.615
     */
    private void set(String format, int line, Hash hash, String timezone) {
        // upstream: CrontabLexer + CrontabParser (ANTLR) with JenkinsANTLRErrorListener; see CronParser below
        CronParser parser = new CronParser(format, line);
        parser.setHash(hash);
        spec = format;
        specTimezone = timezone;

        parser.startRule(this);
        if ((dayOfWeek & (1 << 7)) != 0) {
            dayOfWeek |= 1; // copy bit 7 over to bit 0
            dayOfWeek &= ~(1 << 7); // clear bit 7 or CalendarField#ceil will return an invalid value 7
        }
    }


    /**
     * Returns true if the given calendar matches
     */
    boolean check(Calendar cal) {

        Calendar checkCal = cal;

        if (specTimezone != null && !specTimezone.isEmpty()) {
            Calendar tzCal = Calendar.getInstance(TimeZone.getTimeZone(specTimezone));
            tzCal.setTime(cal.getTime());
            checkCal = tzCal;
        }

        if (!checkBits(bits[0], checkCal.get(MINUTE)))
            return false;
        if (!checkBits(bits[1], checkCal.get(HOUR_OF_DAY)))
            return false;
        if (!checkBits(bits[2], checkCal.get(DAY_OF_MONTH)))
            return false;
        if (!checkBits(bits[3], checkCal.get(MONTH) + 1))
            return false;
        if (!checkBits(dayOfWeek, checkCal.get(Calendar.DAY_OF_WEEK) - 1))
            return false;

        return true;
    }

    private abstract static class CalendarField {
        /**
         * {@link Calendar} field ID.
         */
        final int field;
        /**
         * Lower field is a calendar field whose value needs to be reset when we change the value in this field.
         * For example, if we modify the value in HOUR, MINUTES must be reset.
         */
        final CalendarField lowerField;
        /**
         * Whether this field is 0-origin or 1-origin differs between Crontab and {@link Calendar},
         * so this field adjusts that. If crontab is 1 origin and calendar is 0 origin,  this field is 1
         * that is the value is {@code (cronOrigin-calendarOrigin)}
         */
        final int offset;
        /**
         * When we reset this field, we set the field to this value.
         * For example, resetting {@link Calendar#DAY_OF_MONTH} means setting it to 1.
         */
        final int min;
        /**
         * If this calendar field has other aliases such that a change in this field
         * modifies other field values, then true.
         */
        final boolean redoAdjustmentIfModified;

        /**
         * What is this field? Useful for debugging
         */
        @SuppressWarnings("unused")
        private final String displayName;

        private CalendarField(String displayName, int field, int min, int offset, boolean redoAdjustmentIfModified, CalendarField lowerField) {
            this.displayName = displayName;
            this.field = field;
            this.min = min;
            this.redoAdjustmentIfModified = redoAdjustmentIfModified;
            this.lowerField = lowerField;
            this.offset = offset;
        }

        /**
         * Gets the current value of this field in the given calendar.
         */
        int valueOf(Calendar c) {
            return c.get(field) + offset;
        }

        void addTo(Calendar c, int i) {
            c.add(field, i);
        }

        void setTo(Calendar c, int i) {
            c.set(field, Math.min(i - offset, c.getActualMaximum(field)));
        }

        void clear(Calendar c) {
            setTo(c, min);
        }

        /**
         * Given the value 'n' (which represents the current value), finds the smallest x such that:
         *  1) x matches the specified {@link CronTab} (as far as this field is concerned.)
         *  2) x>=n   (inclusive)
         *
         * If there's no such bit, return -1. Note that if 'n' already matches the crontab, the same n will be returned.
         */
        private int ceil(CronTab c, int n) {
            long bits = bits(c);
            while ((bits | (1L << n)) != bits) {
                if (n > 60)   return -1;
                n++;
            }
            return n;
        }

        /**
         * Given a bit mask, finds the first bit that's on, and return its index.
         */
        private int first(CronTab c) {
            return ceil(c, 0);
        }

        private int floor(CronTab c, int n) {
            long bits = bits(c);
            while ((bits | (1L << n)) != bits) {
                if (n == 0)   return -1;
                n--;
            }
            return n;
        }

        private int last(CronTab c) {
            return floor(c, 63);
        }

        /**
         * Extracts the bit masks from the given {@link CronTab} that matches this field.
         */
        abstract long bits(CronTab c);

        /**
         * Increment the next field.
         */
        abstract void rollUp(Calendar cal, int i);

        private static final CalendarField MINUTE       = new CalendarField("minute", Calendar.MINUTE,        0, 0, false, null) {
            @Override
            long bits(CronTab c) { return c.bits[0]; }

            @Override
            void rollUp(Calendar cal, int i) { cal.add(Calendar.HOUR_OF_DAY, i); }
        };
        private static final CalendarField HOUR         = new CalendarField("hour", Calendar.HOUR_OF_DAY,   0, 0, false, MINUTE) {
            @Override
            long bits(CronTab c) { return c.bits[1]; }

            @Override
            void rollUp(Calendar cal, int i) { cal.add(Calendar.DAY_OF_MONTH, i); }
        };
        private static final CalendarField DAY_OF_MONTH = new CalendarField("day", Calendar.DAY_OF_MONTH,  1, 0, true,  HOUR) {
            @Override
            long bits(CronTab c) { return c.bits[2]; }

            @Override
            void rollUp(Calendar cal, int i) { cal.add(Calendar.MONTH, i); }
        };
        private static final CalendarField MONTH        = new CalendarField("month", Calendar.MONTH,         1, 1, false, DAY_OF_MONTH) {
            @Override
            long bits(CronTab c) { return c.bits[3]; }

            @Override
            void rollUp(Calendar cal, int i) { cal.add(Calendar.YEAR, i); }
        };
        private static final CalendarField DAY_OF_WEEK  = new CalendarField("dow", Calendar.DAY_OF_WEEK,   1, -1, true,  HOUR) {
            @Override
            long bits(CronTab c) { return c.dayOfWeek; }

            @Override
            void rollUp(Calendar cal, int i) {
                cal.add(Calendar.DAY_OF_WEEK, 7 * i);
            }

            @Override
            void setTo(Calendar c, int i) {
                int v = i - offset;
                int was = c.get(field);
                c.set(field, v);
                final int firstDayOfWeek = c.getFirstDayOfWeek();
                if (v < firstDayOfWeek && was >= firstDayOfWeek) {
                    // in crontab, the first DoW is always Sunday, but in Java, it can be Monday or in theory arbitrary other days.
                    // When first DoW is 1/2 Monday, calendar points to 1/2 Monday, setting the DoW to Sunday makes
                    // the calendar moves forward to 1/8 Sunday, instead of 1/1 Sunday. So we need to compensate that effect here.
                    addTo(c, -7);
                } else if (was < firstDayOfWeek && firstDayOfWeek <= v) {
                    // If we wrap the other way around, we need to adjust in the opposite direction of above.
                    addTo(c, 7);
                }
            }
        };

        private static final CalendarField[] ADJUST_ORDER = {
            MONTH,
            DAY_OF_MONTH,
            DAY_OF_WEEK,
            HOUR,
            MINUTE,
        };
    }


    /**
     * Computes the nearest future timestamp that matches this cron tab.
     * <p>
     * More precisely, given the time 't', computes another smallest time x such that:
     *
     * <ul>
     * <li>x ≥ t (inclusive)
     * <li>x matches this crontab
     * </ul>
     *
     * <p>
     * Note that if t already matches this cron, it's returned as is.
     */
    public Calendar ceil(long t) {
        Calendar cal = new GregorianCalendar(Locale.US);
        cal.setTimeInMillis(t);
        return ceil(cal);
    }

    /**
     * See {@link #ceil(long)}.
     *
     * This method modifies the given calendar and returns the same object.
     *
     * @throws RareOrImpossibleDateException if the date isn't hit in the 2 years after it indicates an impossible
     * (e.g. Jun 31) date, or at least a date too rare to be useful. This addresses JENKINS-41864 and was added in 2.49
     */
    public Calendar ceil(Calendar cal) {
        Calendar twoYearsFuture = (Calendar) cal.clone();
        twoYearsFuture.add(Calendar.YEAR, 2);
        OUTER:
        while (true) {
            if (cal.compareTo(twoYearsFuture) > 0) {
                // we went too far into the future
                throw new RareOrImpossibleDateException();
            }
            for (CalendarField f : CalendarField.ADJUST_ORDER) {
                int cur = f.valueOf(cal);
                int next = f.ceil(this, cur);
                if (cur == next)  continue;   // this field is already in a good shape. move on to next

                // we are modifying this field, so clear all the lower level fields
                for (CalendarField l = f.lowerField; l != null; l = l.lowerField)
                    l.clear(cal);

                if (next < 0) {
                    // we need to roll over to the next field.
                    f.rollUp(cal, 1);
                    f.setTo(cal, f.first(this));
                    // since higher order field is affected by this, we need to restart from all over
                    continue OUTER;
                } else {
                    f.setTo(cal, next);
                    //check if value was actually set
                    if (f.valueOf(cal) != next) {
                        // we need to roll over to the next field.
                        f.rollUp(cal, 1);
                        f.setTo(cal, f.first(this));
                        // since higher order field is affected by this, we need to restart from all over
                        continue OUTER;
                    }
                    if (f.redoAdjustmentIfModified)
                        continue OUTER; // when we modify DAY_OF_MONTH and DAY_OF_WEEK, do it all over from the top
                }
            }
            return cal; // all fields adjusted
        }
    }

    /**
     * Computes the nearest past timestamp that matched this cron tab.
     * <p>
     * More precisely, given the time 't', computes another smallest time x such that:
     *
     * <ul>
     * <li>x &lt;= t (inclusive)
     * <li>x matches this crontab
     * </ul>
     *
     * <p>
     * Note that if t already matches this cron, it's returned as is.
     */
    public Calendar floor(long t) {
        Calendar cal = new GregorianCalendar(Locale.US);
        cal.setTimeInMillis(t);
        return floor(cal);
    }

    /**
     * See {@link #floor(long)}
     *
     * This method modifies the given calendar and returns the same object.
     *
     * @throws RareOrImpossibleDateException if the date isn't hit in the 2 years before it indicates an impossible
     * (e.g. Jun 31) date, or at least a date too rare to be useful. This addresses JENKINS-41864 and was added in 2.49
     */
    public Calendar floor(Calendar cal) {
        Calendar twoYearsAgo = (Calendar) cal.clone();
        twoYearsAgo.add(Calendar.YEAR, -2);

        OUTER:
        while (true) {
            if (cal.compareTo(twoYearsAgo) < 0) {
                // we went too far into the past
                throw new RareOrImpossibleDateException();
            }
            for (CalendarField f : CalendarField.ADJUST_ORDER) {
                int cur = f.valueOf(cal);
                int next = f.floor(this, cur);
                if (cur == next)  continue;   // this field is already in a good shape. move on to next

                // we are modifying this field, so clear all the lower level fields
                for (CalendarField l = f.lowerField; l != null; l = l.lowerField)
                    l.clear(cal);

                if (next < 0) {
                    // we need to borrow from the next field.
                    f.rollUp(cal, -1);
                    // the problem here, in contrast with the ceil method, is that
                    // the maximum value of the field is not always a fixed value (that is, day of month)
                    // so we zero-clear all the lower fields, set the desired value +1,
                    f.setTo(cal, f.last(this));
                    f.addTo(cal, 1);
                    // then subtract a minute to achieve maximum values on all the lower fields,
                    // with the desired value in 'f'
                    CalendarField.MINUTE.addTo(cal, -1);
                    // since higher order field is affected by this, we need to restart from all over
                    continue OUTER;
                } else {
                    f.setTo(cal, next);
                    f.addTo(cal, 1);
                    CalendarField.MINUTE.addTo(cal, -1);
                    if (f.redoAdjustmentIfModified)
                        continue OUTER; // when we modify DAY_OF_MONTH and DAY_OF_WEEK, do it all over from the top
                }
            }
            return cal; // all fields adjusted
        }
    }

    /**
     * @param format the crontab entry to be parsed
     * @throws IllegalArgumentException if the crontab entry cannot be parsed
     */
    void set(String format, Hash hash) {
        set(format, 1, hash);
    }

    /**
     * Returns true if n-th bit is on.
     */
    private boolean checkBits(long bitMask, int n) {
        return (bitMask | (1L << n)) == bitMask;
    }

    @Override
    public String toString() {
        return super.toString() + "[" +
            toString("minute", bits[0]) + ',' +
            toString("hour", bits[1]) + ',' +
            toString("dayOfMonth", bits[2]) + ',' +
            toString("month", bits[3]) + ',' +
            toString("dayOfWeek", dayOfWeek) + ']';
    }

    private String toString(String key, long bit) {
        return key + '=' + Long.toHexString(bit);
    }

    /**
     * Checks if this crontab entry looks reasonable,
     * and if not, return an warning message.
     *
     * <p>
     * The point of this method is to catch syntactically correct
     * but semantically suspicious combinations, like
     * "* 0 * * *"
     */
    public @CheckForNull String checkSanity() {
        OUTER: for (int i = 0; i < 5; i++) {
            long bitMask = i < 4 ? bits[i] : (long) dayOfWeek;
            for (int j = BaseParser.LOWER_BOUNDS[i]; j <= BaseParser.UPPER_BOUNDS[i]; j++) {
                if (!checkBits(bitMask, j)) {
                    // this rank has a sparse entry.
                    // if we have a sparse rank, one of them better be the left-most.
                    if (i > 0)
                        return MessageFormat.format("Do you really mean \"every minute\" when you say \"{0}\"? Perhaps you meant \"{1}\" to poll once per hour", spec, "H " + spec.substring(spec.indexOf(' ') + 1));
                    // once we find a sparse rank, upper ranks don't matter
                    break OUTER;
                }
            }
        }

        int daysOfMonth = 0;
        for (int i = 1; i < 31; i++) {
            if (checkBits(bits[2], i)) {
                daysOfMonth++;
            }
        }
        if (daysOfMonth > 5 && daysOfMonth < 28) { // a bit arbitrary
            return "Short cycles in the day-of-month field will behave oddly near the end of a month";
        }

        String hashified = hashify(spec);
        if (hashified != null) {
            return MessageFormat.format("Spread load evenly by using \u2018{0}\u2019 rather than \u2018{1}\u2019", hashified, spec);
        }

        return null;
    }

    /**
     * Checks a prospective crontab specification to see if it could benefit from balanced hashes.
     * @param spec a (legal) spec
     * @return a similar spec that uses a hash, if such a transformation is necessary; null if it is OK as is
     * @since 1.510
     */
    public static @CheckForNull String hashify(String spec) {
        if (spec.contains("H")) {
            // if someone is already using H, presumably he knows what it is, so a warning is likely false positive
            return null;
        } else if (spec.startsWith("*/")) { // "*/15 ...." (every N minutes) to hash
            return "H" + spec.substring(1);
        } else if (spec.matches("\\d+ .+")) { // "0 ..." (certain minute) to hash
            return "H " + spec.substring(spec.indexOf(' ') + 1);
        } else {
            Matcher m = Pattern.compile("0(,(\\d+)(,\\d+)*)( .+)").matcher(spec);
            if (m.matches()) { // 0,15,30,45 to H/15
                int period = Integer.parseInt(m.group(2));
                if (period > 0) {
                    StringBuilder b = new StringBuilder();
                    for (int i = period; i < 60; i += period) {
                        b.append(',').append(i);
                    }
                    if (b.toString().equals(m.group(1))) {
                        return "H/" + period + m.group(4);
                    }
                }
            }
            return null;
        }
    }

    /**
     * Returns the configured time zone, or null if none is configured
     *
     * @return the configured time zone, or null if none is configured
     * @since 2.54
     */
    @CheckForNull public TimeZone getTimeZone() {
        if (this.specTimezone == null) {
            return null;
        }
        return TimeZone.getTimeZone(this.specTimezone);
    }

    /**
     * Hand-written equivalent of upstream's ANTLR grammar ({@code core/src/main/antlr4/hudson/scheduler/CrontabLexer.g4}
     * and {@code CrontabParser.g4}) as generated and run by ANTLR 4.13.2 with {@code JenkinsANTLRErrorListener}.
     *
     * <p>It reproduces: the token set (including the keyword tokens and their longest-match lexing); lazy
     * tokenization (tokens are lexed only as the parser needs them, so for {@code @daily} only the one token after
     * the keyword is lexed and anything after it is ignored); the order in which semantic actions run (and thus
     * the order of {@link Hash} draws); which error is reported first, at which token, and the messages of
     * {@code DefaultErrorStrategy} ({@code extraneous input ...}, {@code missing ...}, {@code mismatched input ...}),
     * of the lexer ({@code token recognition error at: ...}) and of {@link BaseParser}, all prefixed
     * {@code line L:C: } as {@code JenkinsANTLRErrorListener} does.
     */
    private static final class CronParser extends BaseParser {
        // token types as numbered by CrontabLexer.g4 (EOF is -1)
        private static final int EOF = -1, TOKEN = 1, WS = 2, MINUS = 3, STAR = 4, DIV = 5, OR = 6, AT = 7, H = 8,
                LPAREN = 9, RPAREN = 10, YEARLY = 11, HOURLY = 17;
        /** Keyword tokens, in token-type order starting at {@link #YEARLY}. */
        private static final String[] KEYWORDS = {"yearly", "annually", "monthly", "weekly", "daily", "midnight", "hourly"};
        /** The aliases the keywords stand for (CrontabParser.g4). */
        private static final String[] ALIASES = {"H H H H *", "H H H H *", "H H H * *", "H H * * H", "H H * * *", "H H(0-2) * * *", "H * * * *"};
        /** ANTLR vocabulary display names (literal name, else symbolic name), indexed by token type. */
        private static final String[] DISPLAY = {null, "TOKEN", "WS", "'-'", "'*'", "'/'", "','", "'@'", "'H'", "'('", "')'",
                "'yearly'", "'annually'", "'monthly'", "'weekly'", "'daily'", "'midnight'", "'hourly'"};

        private static final long FIRST_TERM = bit(TOKEN) | bit(STAR) | bit(H);
        private static final long FIRST_START = FIRST_TERM | bit(AT);
        private static final long ALL_KEYWORDS = ((1L << (HOURLY + 1)) - 1) & ~((1L << YEARLY) - 1);

        private static final class Token {
            final int type;
            final String text;
            final int col;

            Token(int type, String text, int col) {
                this.type = type;
                this.text = text;
                this.col = col;
            }
        }

        private final String input;
        private final int line;
        /** Lexer position. */
        private int pos;
        private final List<Token> tokens = new ArrayList<>();
        private boolean fetchedEOF;
        /** Token stream position. */
        private int p;
        /** {@code DefaultErrorStrategy.nextTokensContext}, kept as the expected-token set it leads to (0 = null). */
        private long nextTokensExpected;

        CronParser(String input, int line) {
            this.input = input;
            this.line = line;
        }

        private static long bit(int type) {
            return type == EOF ? 1L : 1L << type;
        }

        private static boolean in(long set, int type) {
            return (set & bit(type)) != 0;
        }

        // ---- lexer ----

        private Token nextToken() {
            int start = pos;
            int n = input.length();
            if (start >= n) {
                return new Token(EOF, null, start);
            }
            char c = input.charAt(start);
            if (c >= '0' && c <= '9') {
                int i = start + 1;
                while (i < n && input.charAt(i) >= '0' && input.charAt(i) <= '9') i++;
                return token(TOKEN, start, i);
            }
            if (c == ' ' || c == '\t') {
                int i = start + 1;
                while (i < n && (input.charAt(i) == ' ' || input.charAt(i) == '\t')) i++;
                return token(WS, start, i);
            }
            switch (c) {
                case '-': return token(MINUS, start, start + 1);
                case '*': return token(STAR, start, start + 1);
                case '/': return token(DIV, start, start + 1);
                case ',': return token(OR, start, start + 1);
                case '@': return token(AT, start, start + 1);
                case 'H': return token(H, start, start + 1);
                case '(': return token(LPAREN, start, start + 1);
                case ')': return token(RPAREN, start, start + 1);
                default: break;
            }
            // keywords: none is a prefix of another, so the first complete one is the longest match
            int i = start;
            while (true) {
                String prefix = input.substring(start, i);
                for (int k = 0; k < KEYWORDS.length; k++) {
                    if (KEYWORDS[k].equals(prefix)) {
                        return token(YEARLY + k, start, i);
                    }
                }
                if (i >= n) {
                    throw recognitionError(start, input.substring(start));
                }
                String extended = prefix + input.charAt(i);
                boolean viable = false;
                for (String k : KEYWORDS) {
                    if (k.startsWith(extended)) {
                        viable = true;
                        break;
                    }
                }
                if (!viable) {
                    throw recognitionError(start, extended);
                }
                i++;
            }
        }

        private Token token(int type, int start, int end) {
            pos = end;
            return new Token(type, input.substring(start, end), start);
        }

        private RuntimeException recognitionError(int start, String text) {
            StringBuilder display = new StringBuilder();
            for (char ch : text.toCharArray()) {
                switch (ch) {
                    case '\n': display.append("\\n"); break;
                    case '\t': display.append("\\t"); break;
                    case '\r': display.append("\\r"); break;
                    default: display.append(ch);
                }
            }
            return new ANTLRException("line " + line + ":" + start + ": token recognition error at: '" + display + "'");
        }

        // ---- token stream (BufferedTokenStream semantics: lazy, consume() fetches the next token) ----

        private void fill(int i) {
            while (tokens.size() <= i && !fetchedEOF) {
                Token t = nextToken();
                tokens.add(t);
                if (t.type == EOF) fetchedEOF = true;
            }
        }

        private Token lt(int k) {
            int i = p + k - 1;
            fill(i);
            return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
        }

        private int la(int k) {
            return lt(k).type;
        }

        private void consume() {
            if (la(1) == EOF) throw new IllegalStateException("cannot consume EOF");
            p++;
            fill(p);
        }

        // ---- error reporting (DefaultErrorStrategy + JenkinsANTLRErrorListener) ----

        private RuntimeException report(Token offending, String msg) {
            String m = getErrorMessage();
            return new ANTLRException("line " + line + ":" + offending.col + ": " + (m != null ? m : msg));
        }

        private static String display(Token t) {
            String s = t.type == EOF ? "<EOF>" : t.text;
            s = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
            return "'" + s + "'";
        }

        private static String display(long set) {
            List<String> names = new ArrayList<>();
            if ((set & 1L) != 0) names.add("<EOF>");
            for (int t = 1; t < DISPLAY.length; t++) {
                if ((set & (1L << t)) != 0) names.add(DISPLAY[t]);
            }
            return names.size() == 1 ? names.get(0) : "{" + String.join(", ", names) + "}";
        }

        @Override
        RuntimeException inputMismatch() {
            return report(lt(1), null);
        }

        /** {@code DefaultErrorStrategy.sync} at a block whose alternatives cannot be skipped. */
        private void syncBlock(long first) {
            if (in(first, la(1))) {
                nextTokensExpected = 0;
                return;
            }
            if (in(first, la(2))) {
                throw report(lt(1), "extraneous input " + display(lt(1)) + " expecting " + display(first));
            }
            throw report(lt(1), "mismatched input " + display(lt(1)) + " expecting " + display(first));
        }

        /** {@code DefaultErrorStrategy.sync} at an optional block {@code (...)?}. */
        private void syncOptional(long first, long expectedInContext) {
            if (in(first, la(1))) {
                nextTokensExpected = 0;
                return;
            }
            if (nextTokensExpected == 0) {
                nextTokensExpected = expectedInContext;
            }
        }

        /** {@code Parser.match} with {@code DefaultErrorStrategy.recoverInline}; {@code follow} is what may come after the token. */
        private Token match(int ttype, long follow) {
            Token t = lt(1);
            if (t.type == ttype) {
                if (ttype != EOF) consume();
                return t;
            }
            long expecting = bit(ttype);
            if (in(expecting, la(2))) {
                throw report(lt(1), "extraneous input " + display(lt(1)) + " expecting " + display(expecting));
            }
            if (in(follow, la(1))) {
                throw report(lt(1), "missing " + display(expecting) + " at " + display(lt(1)));
            }
            long expected = nextTokensExpected != 0 ? nextTokensExpected : expecting;
            throw report(lt(1), "mismatched input " + display(lt(1)) + " expecting " + display(expected));
        }

        // ---- grammar ----

        /** {@code startRule[CronTab table]}. */
        void startRule(CronTab table) {
            lt(1);
            syncBlock(FIRST_START);
            if (la(1) == AT) {
                match(AT, ALL_KEYWORDS);
                syncBlock(ALL_KEYWORDS);
                int keyword = la(1);
                match(keyword, bit(EOF));
                table.set(ALIASES[keyword - YEARLY], getHashForTokens());
                return;
            }
            table.bits[0] = expr(0, bit(WS));
            match(WS, FIRST_TERM);
            table.bits[1] = expr(1, bit(WS));
            match(WS, FIRST_TERM);
            table.bits[2] = expr(2, bit(WS));
            match(WS, FIRST_TERM);
            table.bits[3] = expr(3, bit(WS));
            match(WS, FIRST_TERM);
            table.dayOfWeek = (int) expr(4, bit(EOF));
            match(EOF, bit(EOF));
        }

        /** {@code expr[int field]: term (OR expr)?}; {@code follow} is what may come after this expr. */
        private long expr(int field, long follow) {
            long lhs = term(field, bit(OR) | follow);
            long rhs = 0;
            syncOptional(bit(OR), bit(OR) | follow);
            if (la(1) == OR) {
                match(OR, FIRST_TERM);
                rhs = expr(field, follow);
            }
            return lhs | rhs;
        }

        /** {@code term[int field]}; {@code follow} is what may come after this term. */
        private long term(int field, long follow) {
            syncBlock(FIRST_TERM);
            int d = NO_STEP;
            switch (la(1)) {
                case TOKEN:
                    if (la(2) == MINUS) {
                        // token MINUS token (DIV token)?
                        int s = token(bit(MINUS));
                        match(MINUS, bit(TOKEN));
                        int e = token(bit(DIV) | follow);
                        syncOptional(bit(DIV), bit(DIV) | follow);
                        if (la(1) == DIV) {
                            match(DIV, bit(TOKEN));
                            d = token(follow);
                        }
                        return doRange(s, e, d, field);
                    } else {
                        // token
                        int v = token(follow);
                        rangeCheck(v, field);
                        return 1L << v;
                    }
                case STAR:
                    // STAR (DIV token)?
                    match(STAR, bit(DIV) | follow);
                    syncOptional(bit(DIV), bit(DIV) | follow);
                    if (la(1) == DIV) {
                        match(DIV, bit(TOKEN));
                        d = token(follow);
                    }
                    return doRange(d, field);
                default:
                    if (la(2) == LPAREN) {
                        // 'H' LPAREN token MINUS token RPAREN (DIV token)?
                        match(H, bit(LPAREN));
                        match(LPAREN, bit(TOKEN));
                        int s = token(bit(MINUS));
                        match(MINUS, bit(TOKEN));
                        int e = token(bit(RPAREN));
                        match(RPAREN, bit(DIV) | follow);
                        syncOptional(bit(DIV), bit(DIV) | follow);
                        if (la(1) == DIV) {
                            match(DIV, bit(TOKEN));
                            d = token(follow);
                        }
                        return doHash(s, e, d, field);
                    } else {
                        // 'H' (DIV token)?
                        match(H, bit(DIV) | follow);
                        syncOptional(bit(DIV), bit(DIV) | follow);
                        if (la(1) == DIV) {
                            match(DIV, bit(TOKEN));
                            d = token(follow);
                        }
                        return doHash(d, field);
                    }
            }
        }

        /** {@code token returns [int value]: TOKEN}; {@code follow} is what may come after it. */
        private int token(long follow) {
            Token t = match(TOKEN, follow);
            return Integer.parseInt(t.text);
        }
    }
}

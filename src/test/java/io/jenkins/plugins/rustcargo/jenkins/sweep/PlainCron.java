package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;

/**
 * A small reading of Jenkins' cron syntax for unit tests: five fields of numbers, ranges, lists,
 * {@code *}, steps, {@code H}, {@code H(a-b)} and {@code H/n}; the {@code @daily}-style aliases;
 * one spec per line, {@code #} comments and {@code TZ=} lines. {@code H} draws from a random
 * sequence seeded with the hash seed, so equal seeds pick equal values. Day of month and day of
 * week must both match, as in Jenkins.
 */
final class PlainCron implements ScheduleSyntax.Cron {
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    private static final int[] CALENDAR_FIELDS = {Calendar.MINUTE, Calendar.HOUR_OF_DAY, Calendar.DAY_OF_MONTH, Calendar.MONTH,
        Calendar.DAY_OF_WEEK};
    private static final Map<String, String> ALIASES = Map.of("@yearly", "H H H H *", "@annually", "H H H H *",
            "@monthly", "H H H * *", "@weekly", "H H * * H", "@daily", "H H * * *", "@midnight", "H H(0-2) * * *",
            "@hourly", "H * * * *");

    /** One line: the allowed values of each field, and the zone it is read in. */
    private record Line(BitSet[] fields, TimeZone zone, boolean hashed) {}

    private final List<Line> lines;

    private PlainCron(List<Line> lines) {
        this.lines = lines;
    }

    static PlainCron parse(String spec, String hashSeed) {
        Random hash = new Random(hashSeed.hashCode());
        List<Line> lines = new ArrayList<>();
        TimeZone zone = null;
        int number = 0;
        for (String raw : spec.split("\n", -1)) {
            number++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("TZ=")) {
                zone = zone(line.substring(3));
                continue;
            }
            String expanded = line.startsWith("@") ? ALIASES.get(line.split("\\s+")[0]) : line;
            if (expanded == null) {
                throw new IllegalArgumentException("line " + number + ": unknown alias " + line);
            }
            String[] words = expanded.split("\\s+");
            if (words.length != 5) {
                throw new IllegalArgumentException("line " + number + ": expected 5 fields, found " + words.length + " in '" + line + "'");
            }
            BitSet[] fields = new BitSet[5];
            for (int f = 0; f < 5; f++) {
                try {
                    fields[f] = field(words[f], RANGES[f][0], RANGES[f][1], hash);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + number + ": " + FIELDS[f] + " '" + words[f] + "': " + e.getMessage());
                }
            }
            if (fields[4].get(7)) {
                fields[4].set(0);
            }
            lines.add(new Line(fields, zone, expanded.contains("H")));
        }
        return new PlainCron(lines);
    }

    private static TimeZone zone(String id) {
        try {
            return TimeZone.getTimeZone(ZoneId.of(id));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "'");
        }
    }

    /** A comma-separated list of {@code *}, {@code n}, {@code a-b}, {@code H} or {@code H(a-b)}, each with an optional {@code /step}. */
    private static BitSet field(String text, int min, int max, Random hash) {
        BitSet values = new BitSet();
        for (String item : text.split(",", -1)) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw new IllegalArgumentException("more than one step");
            }
            int step = stepped.length == 2 ? number(stepped[1], 1, max - min + 1) : 0;
            String base = stepped[0];
            int from = min;
            int to = max;
            boolean hashed = base.startsWith("H");
            if (hashed && base.length() > 1) {
                if (!base.startsWith("H(") || !base.endsWith(")")) {
                    throw new IllegalArgumentException("expected H or H(a-b)");
                }
                base = base.substring(2, base.length() - 1);
            } else if (hashed || base.equals("*")) {
                base = "";
            }
            if (!base.isEmpty()) {
                String[] ends = base.split("-", -1);
                from = number(ends[0], min, max);
                to = ends.length == 2 ? number(ends[1], min, max) : stepped.length == 2 && !hashed ? max : from;
                if (ends.length > 2 || to < from) {
                    throw new IllegalArgumentException("not a range from low to high");
                }
            }
            if (hashed) {
                int span = step > 0 ? step : to - from + 1;
                from += hash.nextInt(span);
                if (step == 0) {
                    to = from;
                }
            }
            for (int v = from; v <= to; v += Math.max(step, 1)) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String text, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(n + " is out of range " + min + "-" + max);
        }
        return n;
    }

    @Override
    public boolean matches(Calendar minute) {
        for (Line line : lines) {
            Calendar c = minute;
            if (line.zone() != null) {
                c = new GregorianCalendar(line.zone());
                c.setTimeInMillis(minute.getTimeInMillis());
            }
            boolean all = true;
            for (int f = 0; f < 5 && all; f++) {
                int v = c.get(CALENDAR_FIELDS[f]);
                v = f == 3 ? v + 1 : f == 4 ? v - 1 : v; // Calendar counts months from 0 and weekdays from 1
                all = line.fields()[f].get(v);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String sanityWarning() {
        for (Line line : lines) {
            if (line.fields()[0].cardinality() == 60) {
                return "this spec runs every minute; did you mean H * * * * (hourly)?";
            }
            if (!line.hashed()) {
                return "spread the load with H, e.g. 'H 3 * * *' rather than '0 3 * * *'";
            }
        }
        return null;
    }
}

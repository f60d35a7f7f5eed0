package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static io.jenkins.plugins.rustcargo.jenkins.sweep.CronCursorTest.UTC;
import static io.jenkins.plugins.rustcargo.jenkins.sweep.CronCursorTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plain test parsers behind {@link PlainSyntax} read the syntax the schedule tests rely on. */
class PlainSyntaxTest {
    private static Calendar minute(String iso) {
        Calendar c = new GregorianCalendar(UTC);
        c.setTimeInMillis(at(iso));
        return c;
    }

    /** The minutes of one UTC day (2026-03-01, a Sunday) the spec matches, as HH:MM. */
    private static List<String> day(String spec, String seed) {
        ScheduleSyntax.Cron cron = PlainCron.parse(spec, seed);
        List<String> hits = new ArrayList<>();
        Calendar c = minute("2026-03-01T00:00:00Z");
        for (int i = 0; i < 24 * 60; i++, c.add(Calendar.MINUTE, 1)) {
            if (cron.matches(c)) {
                hits.add(String.format("%02d:%02d", c.get(Calendar.HOUR_OF_DAY), c.get(Calendar.MINUTE)));
            }
        }
        return hits;
    }

    @Test
    void fieldsListsRangesAndSteps() {
        assertEquals(List.of("03:30"), day("30 3 * * *", ""));
        assertEquals(List.of("01:00", "01:20", "01:40", "02:00", "02:20", "02:40"), day("*/20 1-2 * * *", ""));
        assertEquals(List.of("05:00", "07:00"), day("0 5,7 * * 0", ""));
        assertEquals(List.of("05:00"), day("0 5 * * 7", ""), "7 is Sunday too");
        assertEquals(List.of(), day("0 5 * * 1-6", ""));
        assertEquals(List.of(), day("0 5 2 * *", ""), "day of month and day of week must both match");
    }

    @Test
    void hPicksOneValueFromTheSeedAndStepsSpreadIt() {
        assertEquals(day("H H * * *", "a"), day("H H * * *", "a"));
        assertEquals(1, day("H H * * *", "a").size());
        assertEquals(24, day("H * * * *", "a").size());
        assertEquals(4 * 24, day("H/15 * * * *", "a").size());
        assertTrue(day("H(0-9) 4 * * *", "a").get(0).matches("04:0[0-9]"));
        assertEquals(day("H H * * *", "a"), day("@daily", "a"));
    }

    @Test
    void commentsTimeZonesAndSeveralLines() {
        assertEquals(List.of("02:00", "12:00"), day("# nightly\n0 12 * * *\nTZ=Europe/Berlin\n0 3 * * *", ""));
        assertThrows(IllegalArgumentException.class, () -> PlainCron.parse("TZ=Mars/Olympus\nH 3 * * *", ""));
        assertThrows(IllegalArgumentException.class, () -> PlainCron.parse("H 3 * *", ""));
        assertThrows(IllegalArgumentException.class, () -> PlainCron.parse("61 * * * *", ""));
        assertThrows(IllegalArgumentException.class, () -> PlainCron.parse("@often", ""));
    }

    @Test
    void sanityWarnings() {
        assertTrue(PlainCron.parse("* * * * *", "").sanityWarning().contains("every minute"));
        assertTrue(PlainCron.parse("0 3 * * *", "").sanityWarning().contains("H"));
        assertNull(PlainCron.parse("H 3 * * *", "").sanityWarning());
    }

    @Test
    void labelExpressions() {
        Set<String> node = Set.of("rust", "linux", "rust-1");
        assertTrue(PlainLabels.parse("rust && linux").matches(node));
        assertTrue(PlainLabels.parse("rust-1 || windows").matches(node));
        assertFalse(PlainLabels.parse("!(rust && linux)").matches(node));
        assertTrue(PlainLabels.parse("windows -> big").matches(node));
        assertFalse(PlainLabels.parse("rust -> big").matches(node));
        assertTrue(PlainLabels.parse("windows <-> big").matches(node));
        assertTrue(PlainLabels.parse("\"rust\" && !windows").matches(node));
        for (String bad : new String[] {"rust &", "(rust", "rust)", "&& rust", "\"open"}) {
            assertThrows(IllegalArgumentException.class, () -> PlainLabels.parse(bad), bad);
        }
    }
}

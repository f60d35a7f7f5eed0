package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The minute walk of the scheduler, driven by a fake clock; cron specs read by our plain test parser. */
class CronCursorTest {
    static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    static final long MIN = 60_000L;

    static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static List<String> iso(List<Calendar> minutes) {
        return minutes.stream().map(c -> c.toInstant().toString()).toList();
    }

    @Test
    void eachOnTimeRunChecksExactlyTheNewMinute() {
        CronCursor cursor = new CronCursor(at("2026-03-01T10:00:00Z"), UTC);
        assertEquals(List.of("2026-03-01T10:00:00Z"), iso(cursor.advance(at("2026-03-01T10:00:00.040Z")).minutes()));
        assertEquals(List.of("2026-03-01T10:01:00Z"), iso(cursor.advance(at("2026-03-01T10:01:00.010Z")).minutes()));
        assertEquals(List.of(), iso(cursor.advance(at("2026-03-01T10:01:30Z")).minutes()), "the same minute is never checked twice");
        assertEquals(at("2026-03-01T10:02:00Z"), cursor.nextMillis());
    }

    @Test
    void theCursorStartsAtTheMinuteItWasCreatedIn() {
        CronCursor cursor = new CronCursor(at("2026-03-01T10:00:42.5Z"), UTC);
        assertEquals(at("2026-03-01T10:00:00Z"), cursor.nextMillis());
    }

    @Test
    void aLateRunCatchesUpEveryMissedMinuteInOrder() {
        CronCursor cursor = new CronCursor(at("2026-03-01T10:00:00Z"), UTC);
        cursor.advance(at("2026-03-01T10:00:01Z"));
        CronCursor.Tick tick = cursor.advance(at("2026-03-01T10:04:05Z"));
        assertEquals(List.of("2026-03-01T10:01:00Z", "2026-03-01T10:02:00Z", "2026-03-01T10:03:00Z", "2026-03-01T10:04:00Z"),
                iso(tick.minutes()));
        assertEquals(0, tick.skippedMinutes());
    }

    @Test
    void catchUpIsBoundedToOneDay() {
        CronCursor cursor = new CronCursor(at("2026-03-01T10:00:00Z"), UTC);
        CronCursor.Tick tick = cursor.advance(at("2026-03-04T10:00:00Z")); // three days down
        assertEquals(CronCursor.MAX_CATCH_UP_MINUTES, tick.minutes().size());
        assertEquals(3 * 24 * 60 + 1 - CronCursor.MAX_CATCH_UP_MINUTES, tick.skippedMinutes());
        assertEquals("2026-03-03T10:01:00Z", tick.minutes().get(0).toInstant().toString());
        assertEquals("2026-03-04T10:00:00Z", tick.minutes().get(tick.minutes().size() - 1).toInstant().toString());
    }

    @Test
    void aClockSetBackALittleWaitsLikeCoreCron() {
        CronCursor cursor = new CronCursor(at("2026-03-01T10:00:00Z"), UTC);
        cursor.advance(at("2026-03-01T10:00:00Z"));
        assertEquals(List.of(), cursor.advance(at("2026-03-01T09:30:00Z")).minutes());
        assertEquals(at("2026-03-01T10:01:00Z"), cursor.nextMillis());
    }

    @Test
    void aClockSetBackMoreThanADayStartsAgainFromNow() {
        CronCursor cursor = new CronCursor(at("2026-03-10T10:00:00Z"), UTC);
        CronCursor.Tick tick = cursor.advance(at("2026-03-01T08:00:30Z"));
        assertEquals(List.of("2026-03-01T08:00:00Z"), iso(tick.minutes()));
    }

    @Test
    void minutesCarryTheCursorsZoneForHourFields() {
        TimeZone berlin = TimeZone.getTimeZone("Europe/Berlin");
        CronCursor cursor = new CronCursor(at("2026-03-01T02:00:00Z"), berlin);
        Calendar minute = cursor.advance(at("2026-03-01T02:00:00Z")).minutes().get(0);
        assertEquals(3, minute.get(Calendar.HOUR_OF_DAY), "02:00 UTC is 03:00 in Berlin");
        assertTrue(PlainCron.parse("0 3 * * *", "").matches(minute));
    }

    @Test
    void nextMatchFindsTheNextMinuteOrNothingWithinTheLookahead() {
        ScheduleSyntax.Cron daily = PlainCron.parse("30 3 * * *", "");
        assertEquals("2026-03-02T03:30:00Z",
                CronCursor.nextMatch(daily, at("2026-03-01T03:30:00.001Z"), UTC, 2 * 24 * 60).orElseThrow().toInstant().toString());
        assertEquals("2026-03-01T03:30:00Z",
                CronCursor.nextMatch(daily, at("2026-03-01T03:29:10Z"), UTC, 60).orElseThrow().toInstant().toString());
        assertTrue(CronCursor.nextMatch(PlainCron.parse("0 0 30 2 *", ""), at("2026-03-01T00:00:00Z"), UTC, 400 * 24 * 60).isEmpty(),
                "February 30th never comes");
    }
}

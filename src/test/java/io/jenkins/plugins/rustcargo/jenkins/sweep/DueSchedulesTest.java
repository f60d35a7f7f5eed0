package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static io.jenkins.plugins.rustcargo.jenkins.sweep.CronCursorTest.UTC;
import static io.jenkins.plugins.rustcargo.jenkins.sweep.CronCursorTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cron evaluation of the schedule list per tick, including catch-up after missed minutes. */
@ExtendWith(PlainSyntax.class)
class DueSchedulesTest {
    private final SweepSchedule nightly = new SweepSchedule("30 3 * * *", "rust");
    private final SweepSchedule quarterly = new SweepSchedule("*/15 * * * *", "");
    private final SweepSchedule weekly = new SweepSchedule("0 4 * * 0", "big");

    private static List<SweepSchedule> due(DueSchedules.Result r) {
        return r.due().stream().map(DueSchedules.Due::schedule).toList();
    }

    private DueSchedules.Result tick(CronCursor cursor, String nowIso) {
        return DueSchedules.of(List.of(nightly, quarterly, weekly), cursor.advance(at(nowIso)).minutes());
    }

    @Test
    void onTimeTicksFireOnlyTheSchedulesOfThatMinute() {
        CronCursor cursor = new CronCursor(at("2026-03-01T03:29:00Z"), UTC); // a Sunday
        assertEquals(List.of(), due(tick(cursor, "2026-03-01T03:29:00Z")));
        assertEquals(List.of(nightly, quarterly), due(tick(cursor, "2026-03-01T03:30:00Z")));
        assertEquals(List.of(), due(tick(cursor, "2026-03-01T03:31:00Z")));
    }

    @Test
    void missedMinutesAreCaughtUpAndEachScheduleRunsOnce() {
        CronCursor cursor = new CronCursor(at("2026-03-01T03:00:00Z"), UTC);
        tick(cursor, "2026-03-01T03:00:00Z");
        // Jenkins was busy (or down, with the persisted cursor) from 03:01 to 04:20.
        DueSchedules.Result r = tick(cursor, "2026-03-01T04:20:00Z");
        assertEquals(List.of(nightly, quarterly, weekly), due(r), "each missed schedule comes due once, in configuration order");
        assertEquals("2026-03-01T03:15:00Z", r.due().get(1).minute().toInstant().toString(), "at its first missed minute");
        assertEquals("2026-03-01T03:30:00Z", r.due().get(0).minute().toInstant().toString());
        assertEquals("2026-03-01T04:00:00Z", r.due().get(2).minute().toInstant().toString());
    }

    @Test
    void aScheduleMissedLongerAgoThanADayIsNotReplayed() {
        CronCursor cursor = new CronCursor(at("2026-03-01T03:00:00Z"), UTC);
        // Down from Sunday 03:00 to Tuesday 03:00 a week later: last Sunday's 04:00 sweep is not replayed.
        DueSchedules.Result r = tick(cursor, "2026-03-10T03:00:00Z");
        assertEquals(List.of(nightly, quarterly), due(r));
    }

    @Test
    void hashedMinutesDependOnTheLabelAndStayFixed() {
        SweepSchedule a = new SweepSchedule("H * * * *", "rust");
        SweepSchedule b = new SweepSchedule("H * * * *", "rust");
        CronCursor cursor = new CronCursor(at("2026-03-01T03:00:00Z"), UTC);
        DueSchedules.Result hour = DueSchedules.of(List.of(a, b), cursor.advance(at("2026-03-01T03:59:00Z")).minutes());
        assertEquals(2, hour.due().size(), "H picks one minute per hour");
        assertEquals(hour.due().get(0).minute(), hour.due().get(1).minute(), "the same label hashes to the same minute");
    }

    @Test
    void aScheduleWhoseSpecNoLongerParsesIsSkippedWithAReason() throws Exception {
        SweepSchedule broken = new SweepSchedule("0 * * * *", "rust");
        Field spec = SweepSchedule.class.getDeclaredField("spec"); // as if loaded from a hand-edited file
        spec.setAccessible(true);
        spec.set(broken, "61 * * * *");
        CronCursor cursor = new CronCursor(at("2026-03-01T03:00:00Z"), UTC);
        DueSchedules.Result r = DueSchedules.of(List.of(broken, quarterly), cursor.advance(at("2026-03-01T03:00:00Z")).minutes());
        assertEquals(List.of(quarterly), due(r));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("sweep schedule '61 * * * *' on 'rust' is skipped: line 1: minute"), r.problems().get(0));
    }
}

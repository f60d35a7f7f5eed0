package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The minute-by-minute walk of core's {@code Trigger.Cron}: a calendar truncated to the minute
 * that is checked and advanced one minute at a time until it passes "now", so minutes missed
 * while the timer was late (or while Jenkins was down, when the cursor was persisted) are still
 * checked. The catch-up is bounded to {@link #MAX_CATCH_UP_MINUTES}: after a longer gap only the
 * last day is checked, so a long outage does not replay weeks of schedules.
 */
final class CronCursor {
    static final int MAX_CATCH_UP_MINUTES = 24 * 60;
    private static final long MINUTE = 60_000L;

    /** The next minute to check. */
    private final Calendar next;

    /**
     * @param firstMinuteMillis the first minute to check (truncated to the minute)
     */
    CronCursor(long firstMinuteMillis, TimeZone zone) {
        next = new GregorianCalendar(zone);
        next.setTimeInMillis(firstMinuteMillis);
        truncate(next);
    }

    /**
     * The minutes that came due, oldest first, and how many older ones were skipped.
     *
     * @param minutes each a separate calendar, in the cursor's time zone
     * @param skippedMinutes minutes beyond the catch-up bound that were not checked
     */
    record Tick(List<Calendar> minutes, long skippedMinutes) {}

    /** Returns every minute from the cursor up to {@code nowMillis} and moves past them. */
    Tick advance(long nowMillis) {
        if (next.getTimeInMillis() > nowMillis + MAX_CATCH_UP_MINUTES * MINUTE) {
            // The clock went back by more than a day (or a persisted cursor came from a wrong
            // clock): start again from now rather than wait for the old time to come back.
            next.setTimeInMillis(nowMillis);
            truncate(next);
        }
        long skipped = 0;
        if (nowMillis >= next.getTimeInMillis()) {
            long due = (nowMillis - next.getTimeInMillis()) / MINUTE + 1;
            if (due > MAX_CATCH_UP_MINUTES) {
                skipped = due - MAX_CATCH_UP_MINUTES;
                next.setTimeInMillis(next.getTimeInMillis() + skipped * MINUTE);
            }
        }
        List<Calendar> minutes = new ArrayList<>();
        while (nowMillis >= next.getTimeInMillis()) {
            minutes.add((Calendar) next.clone());
            next.add(Calendar.MINUTE, 1);
        }
        return new Tick(minutes, skipped);
    }

    /** The next minute to check, for persisting the cursor. */
    long nextMillis() {
        return next.getTimeInMillis();
    }

    /**
     * The first minute at or after {@code fromMillis} that the cron spec matches, looking at most
     * {@code maxMinutes} ahead. Used to show "next sweep" in validation (core's own
     * {@code CronTabList.next()} is restricted).
     */
    static Optional<Calendar> nextMatch(ScheduleSyntax.Cron cron, long fromMillis, TimeZone zone, int maxMinutes) {
        Calendar c = new GregorianCalendar(zone);
        c.setTimeInMillis(fromMillis + MINUTE - 1);
        truncate(c);
        for (int i = 0; i < maxMinutes; i++) {
            if (cron.matches(c)) {
                return Optional.of(c);
            }
            c.add(Calendar.MINUTE, 1);
        }
        return Optional.empty();
    }

    private static void truncate(Calendar c) {
        c.set(Calendar.SECOND, 0);
        c.set(Calendar.MILLISECOND, 0);
    }
}

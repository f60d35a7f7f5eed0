package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * Which sweep schedules came due during one tick of the {@link CronCursor}. A schedule is due
 * once per tick however many of its minutes the tick covers: catching up after an outage runs
 * a missed sweep once, not once per missed minute.
 */
final class DueSchedules {
    private DueSchedules() {}

    /**
     * @param minute the first minute of the tick at which the schedule matched
     */
    record Due(SweepSchedule schedule, Calendar minute) {}

    /**
     * @param due in the order of the configuration
     * @param problems one line per schedule whose spec does not parse (it is skipped)
     */
    record Result(List<Due> due, List<String> problems) {}

    static Result of(List<SweepSchedule> schedules, List<Calendar> minutes) {
        List<Due> due = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (minutes.isEmpty()) {
            return new Result(due, problems);
        }
        for (SweepSchedule s : schedules) {
            ScheduleSyntax.Cron cron;
            try {
                cron = s.cron();
            } catch (IllegalArgumentException e) {
                problems.add("sweep schedule " + s.describe() + " is skipped: " + e.getMessage());
                continue;
            }
            for (Calendar minute : minutes) {
                if (cron.matches(minute)) {
                    due.add(new Due(s, minute));
                    break;
                }
            }
        }
        return new Result(due, problems);
    }
}

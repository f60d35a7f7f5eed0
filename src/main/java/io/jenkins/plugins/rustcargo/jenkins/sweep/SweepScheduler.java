package io.jenkins.plugins.rustcargo.jenkins.sweep;

import jenkins.YesNoMaybe;
import hudson.Extension;
import hudson.model.PeriodicWork;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the sweep schedules once a minute, in the manner of core's {@code Trigger.Cron}: a
 * minute cursor walks up to "now", so minutes missed by a late timer (or, with the persisted
 * cursor, by a restart) are still checked, at most a day back ({@link CronCursor}). Due
 * schedules start sweeps of their matching online agents on {@link SweepService}'s own threads,
 * so this timer task only decides and returns.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
public final class SweepScheduler extends PeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(SweepScheduler.class.getName());

    private CronCursor cursor;

    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    /** Start at the next minute boundary, as core's cron does, so each run sees a fresh minute. */
    @Override
    public long getInitialDelay() {
        return MIN - Calendar.getInstance().get(Calendar.SECOND) * 1000L;
    }

    @Override
    protected synchronized void doRun() {
        SweepService service = SweepService.get();
        long now = System.currentTimeMillis();
        if (cursor == null) {
            cursor = new CronCursor(service.loadCursor(now), TimeZone.getDefault());
        }
        CronCursor.Tick tick = cursor.advance(now);
        service.saveCursor(cursor.nextMillis());
        if (tick.skippedMinutes() > 0) {
            LOGGER.log(Level.WARNING, "rust-cargo: sweep schedules were not checked for {0} minutes; only the last {1} were caught up",
                    new Object[] {tick.minutes().size() + tick.skippedMinutes(), CronCursor.MAX_CATCH_UP_MINUTES});
        }
        SweepSettings config = SweepSettings.get();
        DueSchedules.Result result = DueSchedules.of(config.getSchedules(), tick.minutes());
        result.problems().forEach(p -> LOGGER.warning("rust-cargo: " + p));
        if (!result.due().isEmpty()) {
            dispatch(service, config, result.due());
        }
    }

    private static void dispatch(SweepService service, SweepSettings config, List<DueSchedules.Due> due) {
        List<ScheduleMatcher.Agent> agents = service.agents();
        for (DueSchedules.Due d : due) {
            SweepSchedule schedule = d.schedule();
            CacheSweeper.Settings settings;
            List<ScheduleMatcher.Agent> matched;
            try {
                settings = schedule.settings(config.targetPolicy());
                matched = ScheduleMatcher.matching(schedule.getLabel(), agents);
            } catch (InvalidRequestException | IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "rust-cargo: sweep schedule {0} is skipped: {1}", new Object[] {schedule.describe(), e.getMessage()});
                continue;
            }
            if (matched.isEmpty()) {
                LOGGER.log(Level.INFO, "rust-cargo: sweep schedule {0} is due but no online agent matches", schedule.describe());
            }
            for (ScheduleMatcher.Agent a : matched) {
                service.sweep(a.name(), settings, "schedule " + schedule.describe(), d.minute().getTimeInMillis());
            }
        }
    }
}

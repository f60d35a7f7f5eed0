package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The checks behind the configuration form's {@code doCheck*} methods and the data-bound setters,
 * as plain functions answering a {@link FormCheck}: the descriptors add only the permission check
 * and the conversion to Stapler's type, so every rule is unit-tested without Jenkins.
 */
public final class FormChecks {
    /** How far "next sweep" looks ahead: a year, so a spec such as Feb 29 still shows a date. */
    static final int LOOKAHEAD_MINUTES = 366 * 24 * 60;

    private FormChecks() {}

    /** Null when the cron spec parses, otherwise the reason (the cron parser's own message). */
    static String problemInSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            return Messages.FormChecks_SpecRequired();
        }
        try {
            SweepSchedule.cron(spec, "");
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A cron spec as core's {@code TimerTrigger} validates one: parse errors are errors, what
     * the sanity check dislikes (e.g. every minute) is a warning, otherwise the next sweep.
     */
    static FormCheck spec(String value, String label, long nowMillis) {
        String problem = problemInSpec(value);
        if (problem != null) {
            return FormCheck.error(problem);
        }
        ScheduleSyntax.Cron cron = SweepSchedule.cron(value.trim(), label);
        List<FormCheck> results = new ArrayList<>();
        String sanity = cron.sanityWarning();
        if (sanity != null) {
            results.add(FormCheck.warning(sanity));
        }
        TimeZone zone = TimeZone.getDefault();
        Optional<Calendar> next = CronCursor.nextMatch(cron, nowMillis, zone, LOOKAHEAD_MINUTES);
        if (next.isPresent()) {
            DateFormat fmt = DateFormat.getDateTimeInstance(DateFormat.FULL, DateFormat.SHORT);
            fmt.setTimeZone(zone);
            results.add(FormCheck.ok(Messages.FormChecks_NextSweep(fmt.format(next.get().getTime()))));
        } else {
            results.add(FormCheck.warning(Messages.FormChecks_NeverSweeps()));
        }
        return FormCheck.all(results);
    }

    /** Null when the label expression parses (blank is fine: every node), otherwise the reason. */
    public static String problemInLabel(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            ScheduleSyntax.current().label(expression);
            return null;
        } catch (IllegalArgumentException e) {
            return Messages.FormChecks_InvalidLabel(e.getMessage());
        }
    }

    static FormCheck label(String value) {
        String problem = problemInLabel(value);
        if (problem != null) {
            return FormCheck.error(problem);
        }
        return value == null || value.isBlank()
                ? FormCheck.ok(Messages.FormChecks_BlankLabel())
                : FormCheck.ok();
    }

    /** The syntax check, then for a valid non-blank expression how many online agents it selects now. */
    static FormCheck labelWithAgents(String value, List<ScheduleMatcher.Agent> agents) {
        FormCheck syntax = label(value);
        if (syntax.kind() != FormCheck.Kind.OK || value == null || value.isBlank()) {
            return syntax;
        }
        int online = ScheduleMatcher.matching(value, agents).size();
        return online == 0
                ? FormCheck.warning(Messages.FormChecks_NoAgentMatches())
                : FormCheck.ok(online == 1 ? Messages.FormChecks_OneAgentMatches() : Messages.FormChecks_AgentsMatch(online));
    }

    public static String problemInDays(String what, String value) {
        try {
            Thresholds.days(what, value, 0);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    public static FormCheck days(String what, String value, String blankMeaning) {
        String problem = problemInDays(what, value);
        if (problem != null) {
            return FormCheck.error(problem);
        }
        return value == null || value.isBlank() ? FormCheck.ok(blankMeaning) : FormCheck.ok();
    }

    public static String problemInSize(String what, String value) {
        try {
            Thresholds.bytes(what, value, 0);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    public static FormCheck size(String what, String value, String blankMeaning) {
        String problem = problemInSize(what, value);
        if (problem != null) {
            return FormCheck.error(problem);
        }
        return value == null || value.isBlank() ? FormCheck.ok(blankMeaning) : FormCheck.ok();
    }

    public static String problemInAddress(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BuildkitAddress.list(value);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    public static FormCheck address(String value) {
        String problem = problemInAddress(value);
        if (problem != null) {
            return FormCheck.error(problem);
        }
        return value == null || value.isBlank()
                ? FormCheck.ok(Messages.FormChecks_BlankAddress())
                : FormCheck.ok();
    }
}

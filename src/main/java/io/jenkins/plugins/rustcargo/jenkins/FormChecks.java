package io.jenkins.plugins.rustcargo.jenkins;

import hudson.scheduler.CronTabList;
import hudson.util.FormValidation;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The checks behind the configuration form's {@code doCheck*} methods and the data-bound setters,
 * as plain functions: the descriptors add only the permission check, so every rule is
 * unit-tested without Jenkins.
 */
final class FormChecks {
    /** How far "next sweep" looks ahead: a year, so a spec such as Feb 29 still shows a date. */
    static final int LOOKAHEAD_MINUTES = 366 * 24 * 60;

    private FormChecks() {}

    /** Null when the cron spec parses, otherwise the reason (core's own message). */
    static String problemInSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            return "a cron spec is required, e.g. H 3 * * *";
        }
        try {
            SweepSchedule.cronTab(spec, "");
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A cron spec as core's {@code TimerTrigger} validates one: parse errors are errors, what
     * {@code checkSanity()} dislikes (e.g. every minute) is a warning, otherwise the next sweep.
     */
    static FormValidation spec(String value, String label, long nowMillis) {
        String problem = problemInSpec(value);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        CronTabList tab = SweepSchedule.cronTab(value.trim(), label);
        List<FormValidation> results = new ArrayList<>();
        String sanity = tab.checkSanity();
        if (sanity != null) {
            results.add(FormValidation.warning(sanity));
        }
        TimeZone zone = TimeZone.getDefault();
        Optional<Calendar> next = CronCursor.nextMatch(tab, nowMillis, zone, LOOKAHEAD_MINUTES);
        if (next.isPresent()) {
            DateFormat fmt = DateFormat.getDateTimeInstance(DateFormat.FULL, DateFormat.SHORT);
            fmt.setTimeZone(zone);
            results.add(FormValidation.ok("Next sweep: " + fmt.format(next.get().getTime())));
        } else {
            results.add(FormValidation.warning("This spec does not match any minute within a year, so it never sweeps."));
        }
        return FormValidation.aggregate(results);
    }

    /** Null when the label expression parses (blank is fine: every node), otherwise the reason. */
    static String problemInLabel(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            LabelExpressions.parse(expression);
            return null;
        } catch (IllegalArgumentException e) {
            return "invalid label expression: " + e.getMessage();
        }
    }

    static FormValidation label(String value) {
        String problem = problemInLabel(value);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return value == null || value.isBlank()
                ? FormValidation.ok("Blank: every online node, the built-in node included.")
                : FormValidation.ok();
    }

    static String problemInDays(String what, String value) {
        try {
            Thresholds.days(what, value, 0);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    static FormValidation days(String what, String value, String blankMeaning) {
        String problem = problemInDays(what, value);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return value == null || value.isBlank() ? FormValidation.ok(blankMeaning) : FormValidation.ok();
    }

    static String problemInSize(String what, String value) {
        try {
            Thresholds.bytes(what, value, 0);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    static FormValidation size(String what, String value, String blankMeaning) {
        String problem = problemInSize(what, value);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return value == null || value.isBlank() ? FormValidation.ok(blankMeaning) : FormValidation.ok();
    }

    static String problemInAddress(String value) {
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

    static FormValidation address(String value) {
        String problem = problemInAddress(value);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return value == null || value.isBlank()
                ? FormValidation.ok("Blank: each agent's BUILDKIT_HOST, the default socket, or the embedded daemon.")
                : FormValidation.ok();
    }
}

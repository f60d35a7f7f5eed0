package io.jenkins.plugins.rustcargo.jenkins.report;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;

/** The job page's chart of cargo duration and compiled units over the last builds. */
public final class RustCargoTrendAction implements Action {
    /** How many builds the chart shows. */
    static final int BUILDS = 30;
    /** How far back to look for them: loading old builds is expensive on a busy job. */
    static final int SCANNED = 100;

    private final Job<?, ?> job;

    RustCargoTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The inline SVG (floatingBox.jelly writes it unescaped; {@link TrendChart} escapes all text). */
    public String getTrendSvg() {
        return TrendChart.render(points(job.getLastBuild(), BUILDS));
    }

    /** Totals of up to {@code limit} of the last {@link #SCANNED} builds that have a report, newest first. */
    static List<TrendChart.Point> points(Run<?, ?> newest, int limit) {
        List<TrendChart.Point> points = new ArrayList<>();
        int scanned = 0;
        for (Run<?, ?> r = newest; r != null && points.size() < limit && scanned < SCANNED; r = r.getPreviousBuild(), scanned++) {
            RustCargoReportAction report = r.getAction(RustCargoReportAction.class);
            if (report != null && !report.getCalls().isEmpty()) {
                points.add(new TrendChart.Point(r.getNumber(), report.getTotalWallMillis(), report.getTotalCompiled()));
            }
        }
        return points;
    }

    // No side-panel link: the chart is a floating box on the job page.
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.RustCargoTrendAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}

package io.jenkins.plugins.rustcargo.jenkins.report;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The build's "Cargo" page and summary: one row per {@code rustCargo} call, in the order they
 * finished (parallel stages interleave), failed calls included. Exported, so the build's
 * {@code /api/json} carries it (under {@code actions}); and a badge in the build history.
 */
@ExportedBean(defaultVisibility = 2)
public final class RustCargoReportAction implements RunAction2, BuildBadgeAction {
    // Actions are looked up and created under one lock: parallel stages finish concurrently.
    private static final Object CREATE_LOCK = new Object();

    // Copy-on-write: parallel branches append while the build is saved (XStream walks this list
    // without our lock) or its page renders; a build has a handful of calls, so copies are cheap.
    private List<CargoCall> calls = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;

    /** Adds {@code summary} to the build's report, creating the report on first use. */
    public static void record(Run<?, ?> run, RunSummary summary, String stage) {
        RustCargoReportAction report;
        synchronized (CREATE_LOCK) {
            report = run.getAction(RustCargoReportAction.class);
            if (report == null) {
                report = new RustCargoReportAction();
                run.addAction(report);
            }
        }
        report.add(CargoCall.of(summary, stage));
        RustCargoTrendActionFactory.recorded(run.getParent());
    }

    /** Builds saved before the list was copy-on-write load as a plain list. */
    private Object readResolve() {
        if (!(calls instanceof CopyOnWriteArrayList)) {
            calls = new CopyOnWriteArrayList<>(calls == null ? List.of() : calls);
        }
        return this;
    }

    void add(CargoCall call) {
        calls.add(call);
    }

    @Exported
    public List<CargoCall> getCalls() {
        return List.copyOf(calls);
    }

    /** Wall time of all calls, for the trend chart (parallel calls count each). */
    @Exported
    public long getTotalWallMillis() {
        return calls.stream().mapToLong(CargoCall::getWallMillis).sum();
    }

    @Exported
    public int getTotalCompiled() {
        return calls.stream().mapToInt(CargoCall::getCompiled).sum();
    }

    @Exported
    public int getTotalFresh() {
        return calls.stream().mapToInt(CargoCall::getFresh).sum();
    }

    @Exported
    public int getTotalDownloaded() {
        return calls.stream().mapToInt(CargoCall::getDownloaded).sum();
    }

    /** Calls that failed (cargo's non-zero exit, or a failure before or after cargo). */
    @Exported
    public int getFailedCalls() {
        return (int) calls.stream().filter(c -> !c.isSucceeded()).count();
    }

    /** The badge's tooltip: what the build's cargo calls did, in one line. */
    public String getBadgeText() {
        String text = Messages.RustCargoReportAction_Badge(calls.size(), getTotalCompiled(), getTotalFresh(), getTotalDownloaded());
        int failed = getFailedCalls();
        return failed == 0 ? text : text + Messages.RustCargoReportAction_BadgeFailed(failed);
    }

    public String getTotalDuration() {
        return CargoCall.seconds(getTotalWallMillis());
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return Messages.RustCargoReportAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "rustCargo";
    }
}

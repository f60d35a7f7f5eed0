package io.jenkins.plugins.rustcargo.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.YesNoMaybe;
import jenkins.model.TransientActionFactory;

/** Adds the trend chart to jobs whose recent builds called {@code rustCargo}. */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> is the documented idiom for all job types
public final class RustCargoTrendActionFactory extends TransientActionFactory<Job> {
    /** Builds looked at to decide whether a job uses rustCargo at all; this runs on every job page view. */
    static final int PROBE_BUILDS = 5;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return RustCargoTrendAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        int looked = 0;
        for (Run<?, ?> r = job.getLastBuild(); r != null && looked < PROBE_BUILDS; r = r.getPreviousBuild(), looked++) {
            if (r.getAction(RustCargoReportAction.class) != null) {
                return List.of(new RustCargoTrendAction(job));
            }
        }
        return List.of();
    }
}

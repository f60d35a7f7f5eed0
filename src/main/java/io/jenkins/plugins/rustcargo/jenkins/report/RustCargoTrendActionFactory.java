package io.jenkins.plugins.rustcargo.jenkins.report;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jenkins.YesNoMaybe;
import jenkins.model.TransientActionFactory;

/**
 * Adds the trend chart to jobs whose recent builds called {@code rustCargo}. This runs on every
 * view of every job page, so the answer is remembered per job until a new build starts (the next
 * build number changes, which loads no build) or a build records a report.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> is the documented idiom for all job types
public final class RustCargoTrendActionFactory extends TransientActionFactory<Job> {
    /** Builds looked at to decide whether a job uses rustCargo at all. */
    static final int PROBE_BUILDS = 5;

    /** Per job (weakly, so deleted jobs go): the next build number when last probed, and the answer. */
    private static final Map<Job<?, ?>, Probe> PROBED = Collections.synchronizedMap(new WeakHashMap<>());

    private record Probe(int nextBuildNumber, boolean usesRustCargo) {}

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
        int next = job.getNextBuildNumber();
        Probe known = PROBED.get(job);
        if (known == null || known.nextBuildNumber() != next) {
            known = new Probe(next, recentBuildsUseRustCargo(job));
            PROBED.put(job, known);
        }
        return known.usesRustCargo() ? List.of(new RustCargoTrendAction(job)) : List.of();
    }

    /** A build of {@code job} recorded a report: the job has a trend from now on. */
    static void recorded(Job<?, ?> job) {
        PROBED.computeIfPresent(job, (j, p) -> new Probe(p.nextBuildNumber(), true));
    }

    private static boolean recentBuildsUseRustCargo(Job<?, ?> job) {
        int looked = 0;
        for (Run<?, ?> r = job.getLastBuild(); r != null && looked < PROBE_BUILDS; r = r.getPreviousBuild(), looked++) {
            if (r.getAction(RustCargoReportAction.class) != null) {
                return true;
            }
        }
        return false;
    }
}

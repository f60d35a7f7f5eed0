package io.jenkins.plugins.rustcargo.jenkins.sweep;

import jenkins.YesNoMaybe;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.security.AccessCheck;
import io.jenkins.plugins.rustcargo.jenkins.security.RustCargoPermissions;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One row of the sweep schedule list: when (a Jenkins cron spec), where (a label expression) and
 * how hard (target thresholds, which default to the global ones, and optional pruning of idle
 * cache mounts).
 */
public final class SweepSchedule extends AbstractDescribableImpl<SweepSchedule> {
    private final String spec;
    private final String label;
    private String targetMaxAgeDays = "";
    private String targetMaxSize = "";
    private String pruneUnusedDays = "";
    private String pruneKeepStorage = "";

    /**
     * @param spec a Jenkins cron spec, e.g. {@code H 3 * * *}
     * @param label a label expression; blank selects every online node
     * @throws IllegalArgumentException when either does not parse, so JCasC and the form fail
     *     with the reason instead of storing a schedule that never runs
     */
    @DataBoundConstructor
    public SweepSchedule(String spec, String label) {
        this.spec = Thresholds.clean(spec);
        this.label = Thresholds.clean(label);
        String problem = FormChecks.problemInSpec(this.spec);
        if (problem != null) {
            throw new IllegalArgumentException("sweep schedule '" + this.spec + "': " + problem);
        }
        problem = FormChecks.problemInLabel(this.label);
        if (problem != null) {
            throw new IllegalArgumentException("sweep schedule label '" + this.label + "': " + problem);
        }
    }

    public String getSpec() {
        return spec;
    }

    public String getLabel() {
        return label;
    }

    public String getTargetMaxAgeDays() {
        return targetMaxAgeDays;
    }

    /** Days; blank: the global target max age; -1: no age limit. */
    @DataBoundSetter
    public void setTargetMaxAgeDays(String targetMaxAgeDays) {
        this.targetMaxAgeDays = checked(FormChecks.problemInDays("targetMaxAgeDays", targetMaxAgeDays), Thresholds.clean(targetMaxAgeDays));
    }

    public String getTargetMaxSize() {
        return targetMaxSize;
    }

    /** A size such as 20G; blank: the global target max size; -1: no size limit. */
    @DataBoundSetter
    public void setTargetMaxSize(String targetMaxSize) {
        this.targetMaxSize = checked(FormChecks.problemInSize("targetMaxSize", targetMaxSize), Thresholds.clean(targetMaxSize));
    }

    public String getPruneUnusedDays() {
        return pruneUnusedDays;
    }

    /** Prune idle rust-cargo cache mounts unused this many days; blank or -1: never. */
    @DataBoundSetter
    public void setPruneUnusedDays(String pruneUnusedDays) {
        this.pruneUnusedDays = checked(FormChecks.problemInDays("pruneUnusedDays", pruneUnusedDays), Thresholds.clean(pruneUnusedDays));
    }

    public String getPruneKeepStorage() {
        return pruneKeepStorage;
    }

    /** Prune idle rust-cargo cache mounts, least recent first, down to this size; blank or -1: never. */
    @DataBoundSetter
    public void setPruneKeepStorage(String pruneKeepStorage) {
        this.pruneKeepStorage = checked(FormChecks.problemInSize("pruneKeepStorage", pruneKeepStorage), Thresholds.clean(pruneKeepStorage));
    }

    private static String checked(String problem, String value) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    /**
     * The parsed spec. {@code H} is hashed from the label, so schedules for different labels
     * spread over the hour while a label's agents (separate daemons) sweep together.
     *
     * @throws IllegalArgumentException when the spec does not parse (possible for a spec loaded
     *     from an old configuration file)
     */
    ScheduleSyntax.Cron cron() {
        return cron(spec, label);
    }

    static ScheduleSyntax.Cron cron(String spec, String label) {
        return ScheduleSyntax.current().cron(spec, hashSeed(label));
    }

    static String hashSeed(String label) {
        return "rust-cargo sweep " + Thresholds.clean(label);
    }

    /**
     * What to do on each matching agent: this schedule's thresholds, blanks filled from the
     * global target policy.
     */
    CacheSweeper.Settings settings(SweepPolicy defaults) throws InvalidRequestException {
        SweepPolicy target = new SweepPolicy(
                Thresholds.days("target max age", targetMaxAgeDays, defaults.maxAgeDays()),
                Thresholds.bytes("target max size", targetMaxSize, defaults.maxSizeBytes()));
        double pruneDays = Thresholds.days("prune unused days", pruneUnusedDays, -1);
        long keepBytes = Thresholds.bytes("prune keep storage", pruneKeepStorage, -1);
        return new CacheSweeper.Settings(target, null, pruneDays, Thresholds.buildkitMegabytes(keepBytes));
    }

    /** For logs and the sweep history, e.g. {@code 'H 3 * * *' on 'rust && linux'}. */
    String describe() {
        return "'" + spec.replace('\n', ' ') + "' on " + (label.isEmpty() ? "every node" : "'" + label + "'");
    }

    @Extension(dynamicLoadable = YesNoMaybe.YES)
    @Symbol("sweepSchedule")
    public static final class DescriptorImpl extends Descriptor<SweepSchedule> {
        @Override
        public String getDisplayName() {
            return Messages.SweepSchedule_DisplayName();
        }

        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @QueryParameter String label) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.spec(value, label, System.currentTimeMillis()).toFormValidation();
        }

        @POST
        public FormValidation doCheckLabel(@QueryParameter String value) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.labelWithAgents(value, SweepService.get().agents()).toFormValidation();
        }

        @POST
        public FormValidation doCheckTargetMaxAgeDays(@QueryParameter String value) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.days(Messages.SweepSchedule_TargetMaxAge(), value, Messages.SweepSchedule_BlankTargetMaxAge()).toFormValidation();
        }

        @POST
        public FormValidation doCheckTargetMaxSize(@QueryParameter String value) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.size(Messages.SweepSchedule_TargetMaxSize(), value, Messages.SweepSchedule_BlankTargetMaxSize()).toFormValidation();
        }

        @POST
        public FormValidation doCheckPruneUnusedDays(@QueryParameter String value) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.days(Messages.SweepSchedule_PruneUnusedDays(), value, Messages.SweepSchedule_BlankPruneUnusedDays()).toFormValidation();
        }

        @POST
        public FormValidation doCheckPruneKeepStorage(@QueryParameter String value) {
            AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
            return FormChecks.size(Messages.SweepSchedule_PruneKeepStorage(), value, Messages.SweepSchedule_BlankPruneKeepStorage()).toFormValidation();
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.config;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Job;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.security.AccessCheck;
import io.jenkins.plugins.rustcargo.jenkins.security.RustCargoPermissions;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import io.jenkins.plugins.rustcargo.jenkins.step.StepValidation;
import io.jenkins.plugins.rustcargo.jenkins.sweep.FormChecks;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSettings;
import io.jenkins.plugins.rustcargo.jenkins.sweep.Thresholds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.YesNoMaybe;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Rust Cargo: defaults for the {@code rustCargo} step and the sweep
 * schedules. JCasC configures it through the same data-bound setters ({@code unclassified:
 * rustCargo:}). Every setter validates, so a bad value fails the form or the JCasC import with
 * the reason instead of being stored. As the {@link StepDefaults} extension it is what the
 * {@code rustCargo} step falls back on.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
@Symbol("rustCargo")
public class RustCargoConfiguration extends GlobalConfiguration implements SweepSettings {
    static final String DEFAULT_MAX_AGE_DAYS = "7";
    static final String DEFAULT_MAX_SIZE = "20G";
    static final String DEFAULT_AGENT_LABEL = "rust";
    private static final Logger LOGGER = Logger.getLogger(RustCargoConfiguration.class.getName());

    private String defaultImage = CargoRequest.DEFAULT_IMAGE;
    private String buildkitAddress = "";
    private String targetMaxAgeDays = DEFAULT_MAX_AGE_DAYS;
    private String targetMaxSize = DEFAULT_MAX_SIZE;
    private CacheNamespacePolicy cacheNamespacePolicy = CacheNamespacePolicy.GLOBAL;
    private String agentLabel = DEFAULT_AGENT_LABEL;
    private List<SweepSchedule> schedules = new ArrayList<>();
    private boolean managedDaemon;
    private String managedDaemonName = "";
    private String managedDaemonImage = "";

    /** Loads the saved configuration, as every persisted descriptor does; setters save. */
    public RustCargoConfiguration() {
        load();
    }

    public static RustCargoConfiguration get() {
        return ExtensionList.lookupSingleton(RustCargoConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.RustCargoConfiguration_DisplayName();
    }

    /**
     * A repeatable list whose rows were all deleted is not submitted at all, so Stapler never
     * calls {@link #setSchedules} and the old rows would survive: clear the list first. One save
     * at the end (BulkChange); on a bad value the previous configuration is restored.
     *
     * <p>This overrides the javax-request variant because that is the request type Maven Central's
     * Stapler provides; Jenkins 2.479's {@code configure(StaplerRequest2, JSONObject)} detects the
     * override and routes the form submission here. No {@code @Override}: the stand-ins leave it out.
     */
    public boolean configure(StaplerRequest req, JSONObject json) throws FormException {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        return configure(() -> req.bindJSON(this, json));
    }

    /** What Stapler does with the submitted form: calls the setters (and constructors) it finds in it. */
    interface FormBinding {
        void bind();
    }

    /** {@link #configure(StaplerRequest, JSONObject)} with the binding passed in, so tests need no Stapler. */
    boolean configure(FormBinding binding) throws FormException {
        Snapshot before = new Snapshot(this);
        try (BulkChange bc = new BulkChange(this)) {
            schedules = new ArrayList<>();
            binding.bind();
            bc.commit();
        } catch (RuntimeException e) {
            // Stapler may wrap the setter's or constructor's IllegalArgumentException.
            before.restore(this);
            throw new FormException(innermostMessage(e), e, fieldOf(e));
        } catch (IOException e) {
            throw new FormException(e, null);
        }
        return true;
    }

    private static String innermostMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** The field whose setter refused its value; otherwise it was a schedule row (the only nested objects). */
    private static String fieldOf(Throwable t) {
        for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidFieldException invalid) {
                return invalid.field();
            }
        }
        return "schedules";
    }

    private static void refuse(String field, String problem) {
        if (problem != null) {
            throw new InvalidFieldException(field, problem);
        }
    }

    /** The fields as they were before a form submission. */
    private record Snapshot(String defaultImage, String buildkitAddress, String targetMaxAgeDays, String targetMaxSize,
            CacheNamespacePolicy policy, String agentLabel, List<SweepSchedule> schedules, boolean managedDaemon,
            String managedDaemonName, String managedDaemonImage) {
        Snapshot(RustCargoConfiguration c) {
            this(c.defaultImage, c.buildkitAddress, c.targetMaxAgeDays, c.targetMaxSize, c.cacheNamespacePolicy, c.agentLabel,
                    c.schedules, c.managedDaemon, c.managedDaemonName, c.managedDaemonImage);
        }

        void restore(RustCargoConfiguration c) {
            c.defaultImage = defaultImage;
            c.buildkitAddress = buildkitAddress;
            c.targetMaxAgeDays = targetMaxAgeDays;
            c.targetMaxSize = targetMaxSize;
            c.cacheNamespacePolicy = policy;
            c.agentLabel = agentLabel;
            c.schedules = schedules;
            c.managedDaemon = managedDaemon;
            c.managedDaemonName = managedDaemonName;
            c.managedDaemonImage = managedDaemonImage;
        }
    }

    public String getDefaultImage() {
        return defaultImage == null || defaultImage.isBlank() ? CargoRequest.DEFAULT_IMAGE : defaultImage;
    }

    /** The toolchain image of steps that name none; blank restores {@code rust:1-bookworm}. */
    @DataBoundSetter
    public void setDefaultImage(String defaultImage) {
        this.defaultImage = Thresholds.clean(defaultImage).isEmpty() ? CargoRequest.DEFAULT_IMAGE : defaultImage.trim();
        save();
    }

    public String getBuildkitAddress() {
        return buildkitAddress == null ? "" : buildkitAddress;
    }

    /**
     * One daemon for every agent, e.g. {@code tcp://buildkit:1234}, or a pool: one address per
     * line, each build routed by its cache key; blank: each agent finds its own.
     */
    @DataBoundSetter
    public void setBuildkitAddress(String buildkitAddress) {
        refuse("buildkitAddress", FormChecks.problemInAddress(buildkitAddress));
        this.buildkitAddress = Thresholds.clean(buildkitAddress);
        save();
    }

    public String getTargetMaxAgeDays() {
        return targetMaxAgeDays == null ? "" : targetMaxAgeDays;
    }

    /** Target units unused this many days are removed; blank: 7; -1: never. */
    @DataBoundSetter
    public void setTargetMaxAgeDays(String targetMaxAgeDays) {
        refuse("targetMaxAgeDays", FormChecks.problemInDays("targetMaxAgeDays", targetMaxAgeDays));
        this.targetMaxAgeDays = Thresholds.clean(targetMaxAgeDays);
        save();
    }

    public String getTargetMaxSize() {
        return targetMaxSize == null ? "" : targetMaxSize;
    }

    /** A target cache is trimmed (least recently used first) to this size; blank: 20G; -1: never. */
    @DataBoundSetter
    public void setTargetMaxSize(String targetMaxSize) {
        refuse("targetMaxSize", FormChecks.problemInSize("targetMaxSize", targetMaxSize));
        this.targetMaxSize = Thresholds.clean(targetMaxSize);
        save();
    }

    /**
     * The target thresholds as the engine takes them: after every build and for schedules that
     * leave theirs blank. A value that no longer parses (an old file edited by hand) falls back
     * to the built-in default, with a warning in the log.
     */
    public SweepPolicy targetPolicy() {
        try {
            return new SweepPolicy(Thresholds.days("targetMaxAgeDays", getTargetMaxAgeDays(), SweepPolicy.DEFAULT.maxAgeDays()),
                    Thresholds.bytes("targetMaxSize", getTargetMaxSize(), SweepPolicy.DEFAULT.maxSizeBytes()));
        } catch (InvalidRequestException e) {
            LOGGER.log(Level.WARNING, "rust-cargo: {0}; using the built-in thresholds", e.getMessage());
            return SweepPolicy.DEFAULT;
        }
    }

    public CacheNamespacePolicy getCacheNamespacePolicy() {
        return cacheNamespacePolicy == null ? CacheNamespacePolicy.GLOBAL : cacheNamespacePolicy;
    }

    @DataBoundSetter
    public void setCacheNamespacePolicy(CacheNamespacePolicy cacheNamespacePolicy) {
        this.cacheNamespacePolicy = cacheNamespacePolicy == null ? CacheNamespacePolicy.GLOBAL : cacheNamespacePolicy;
        save();
    }

    /** The cache namespace of a job under the configured policy, e.g. {@code default}. */
    public String cacheNamespaceFor(String jobFullName) {
        return getCacheNamespacePolicy().namespaceFor(jobFullName);
    }

    public String getAgentLabel() {
        return agentLabel == null ? DEFAULT_AGENT_LABEL : agentLabel;
    }

    /** The label the shared library's {@code rustPipeline} runs on; blank restores "rust". */
    @DataBoundSetter
    public void setAgentLabel(String agentLabel) {
        refuse("agentLabel", FormChecks.problemInLabel(agentLabel));
        this.agentLabel = Thresholds.clean(agentLabel).isEmpty() ? DEFAULT_AGENT_LABEL : agentLabel.trim();
        save();
    }

    public boolean getManagedDaemon() {
        return managedDaemon;
    }

    /** Where no address applies, run BuildKit in a container on each agent's Docker Engine (docs/daemons.md). */
    @DataBoundSetter
    public void setManagedDaemon(boolean managedDaemon) {
        this.managedDaemon = managedDaemon;
        save();
    }

    public String getManagedDaemonName() {
        return managedDaemonName == null ? "" : managedDaemonName;
    }

    /** The managed container's name; blank: rustcargo-buildkitd. */
    @DataBoundSetter
    public void setManagedDaemonName(String managedDaemonName) {
        String name = Thresholds.clean(managedDaemonName);
        checkManaged(name, getManagedDaemonImage());
        this.managedDaemonName = name;
        save();
    }

    public String getManagedDaemonImage() {
        return managedDaemonImage == null ? "" : managedDaemonImage;
    }

    /** The managed container's BuildKit image; blank: the tested moby/buildkit release. */
    @DataBoundSetter
    public void setManagedDaemonImage(String managedDaemonImage) {
        String image = Thresholds.clean(managedDaemonImage);
        checkManaged(getManagedDaemonName(), image);
        this.managedDaemonImage = image;
        save();
    }

    private static void checkManaged(String name, String image) {
        try {
            ManagedDaemon.Spec.of(name, image);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public ManagedDaemon.Spec managedDaemon() {
        if (!managedDaemon) {
            return null;
        }
        try {
            return ManagedDaemon.Spec.of(getManagedDaemonName(), getManagedDaemonImage());
        } catch (InvalidRequestException e) {
            LOGGER.log(Level.WARNING, "rust-cargo: {0}; the managed daemon is off", e.getMessage());
            return null;
        }
    }

    public List<SweepSchedule> getSchedules() {
        return schedules == null ? List.of() : List.copyOf(schedules);
    }

    @DataBoundSetter
    public void setSchedules(List<SweepSchedule> schedules) {
        this.schedules = schedules == null ? new ArrayList<>() : new ArrayList<>(schedules);
        save();
    }

    @Override
    public String image() {
        return getDefaultImage();
    }

    @Override
    public String buildkitAddress() {
        return getBuildkitAddress().isEmpty() ? null : getBuildkitAddress();
    }

    @Override
    public SweepPolicy sweepPolicy() {
        return targetPolicy();
    }

    @Override
    public String cacheNamespace(Job<?, ?> job) {
        return cacheNamespaceFor(job.getFullName());
    }

    /** Folders around the job may override the namespace, image and sweep thresholds; the nearest wins. */
    @Override
    public StepDefaults forJob(Job<?, ?> job) {
        return forJob(job, FolderChain.current());
    }

    StepDefaults forJob(Job<?, ?> job, FolderChain folders) {
        return FolderOverride.nearestWins(folders.around(job)).over(this);
    }

    /** Overall/Manage may change this page (and Overall/SystemRead see it read-only), not only administrators. */
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return RustCargoPermissions.CONFIGURE;
    }

    public ListBoxModel doFillCacheNamespacePolicyItems() {
        AccessCheck.current().checkAny(RustCargoPermissions.readConfiguration());
        ListBoxModel items = new ListBoxModel();
        for (CacheNamespacePolicy p : CacheNamespacePolicy.values()) {
            items.add(p.getDisplayName(), p.name());
        }
        return items;
    }

    @POST
    public FormValidation doCheckBuildkitAddress(@QueryParameter String value) {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        return FormChecks.address(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckDefaultImage(@QueryParameter String value) {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        return StepValidation.image(value).toFormValidation();
    }

    @POST
    public FormValidation doCheckTargetMaxAgeDays(@QueryParameter String value) {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        return FormChecks.days(io.jenkins.plugins.rustcargo.jenkins.sweep.Messages.SweepSchedule_TargetMaxAge(), value, Messages.RustCargoConfiguration_BlankDays(DEFAULT_MAX_AGE_DAYS)).toFormValidation();
    }

    @POST
    public FormValidation doCheckTargetMaxSize(@QueryParameter String value) {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        return FormChecks.size(io.jenkins.plugins.rustcargo.jenkins.sweep.Messages.SweepSchedule_TargetMaxSize(), value, Messages.RustCargoConfiguration_BlankSize(DEFAULT_MAX_SIZE)).toFormValidation();
    }

    @POST
    public FormValidation doCheckAgentLabel(@QueryParameter String value) {
        AccessCheck.current().checkAny(RustCargoPermissions.CONFIGURE);
        String problem = FormChecks.problemInLabel(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}

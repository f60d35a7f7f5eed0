package io.jenkins.plugins.rustcargo.jenkins.sweep;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import java.util.List;

/**
 * What sweeping takes from the administrator's global configuration. The configuration page
 * (package {@code config}) holds the schedules and implements this, so the dependency points from
 * the configuration to the sweeps and never back.
 */
public interface SweepSettings extends StepDefaults {
    /** The configured schedules, in the order the page shows them. */
    @NonNull
    List<SweepSchedule> getSchedules();

    /** The global bounds of the target caches, which schedules may override. */
    @NonNull
    SweepPolicy targetPolicy();

    /** The installed configuration (the one extension implementing this interface). */
    static @NonNull SweepSettings get() {
        return ExtensionList.lookupSingleton(SweepSettings.class);
    }
}

package io.jenkins.plugins.rustcargo.jenkins.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.model.Job;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;

/**
 * What the {@code rustCargo} step takes from the administrator's global configuration when the
 * pipeline does not say. {@link #current()} is the only place the step reaches for that
 * configuration, so the step and the configuration page stay decoupled.
 */
public interface StepDefaults {
    /** Image for builds that pass no {@code image}; null means the engine's default. */
    @CheckForNull
    String image();

    /**
     * BuildKit address for builds that pass no {@code addr} and run where {@code BUILDKIT_HOST}
     * is not set; null means the engine's discovery (default socket, then the embedded daemon).
     */
    @CheckForNull
    String buildkitAddress();

    /**
     * The BuildKit container rust-cargo runs itself on each agent's Docker Engine where no
     * address applies; null when that is off.
     */
    @CheckForNull
    default ManagedDaemon.Spec managedDaemon() {
        return null;
    }

    /** Bounds applied to the target cache after every build. */
    @NonNull
    SweepPolicy sweepPolicy();

    /** Cache namespace of a job's builds (separates teams on a shared daemon); null means the default. */
    @CheckForNull
    String cacheNamespace(@NonNull Job<?, ?> job);

    /**
     * The defaults for one job's builds: the same unless something (the folders around the job)
     * overrides them for it.
     */
    default @NonNull StepDefaults forJob(@NonNull Job<?, ?> job) {
        return this;
    }

    /** The engine's own defaults, used when no configuration is installed (and in unit tests). */
    StepDefaults BUILT_IN = new StepDefaults() {
        @Override
        public String image() {
            return null;
        }

        @Override
        public String buildkitAddress() {
            return null;
        }

        @Override
        public SweepPolicy sweepPolicy() {
            return SweepPolicy.DEFAULT;
        }

        @Override
        public String cacheNamespace(Job<?, ?> job) {
            return null;
        }
    };

    /**
     * The global configuration if it is installed as an extension implementing this interface,
     * otherwise {@link #BUILT_IN}. Outside Jenkins the extension list is empty.
     */
    static @NonNull StepDefaults current() {
        for (StepDefaults configured : ExtensionList.lookup(StepDefaults.class)) {
            return configured;
        }
        return BUILT_IN;
    }
}

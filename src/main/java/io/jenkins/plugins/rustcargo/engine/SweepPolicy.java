package io.jenkins.plugins.rustcargo.engine;

/**
 * Bounds for a target cache, applied after every build and by scheduled sweeps.
 *
 * @param maxAgeDays units not used for this many days go; negative disables, 0 keeps only what
 *     the current build used
 * @param maxSizeBytes least recently used units go until the cache fits; negative disables
 */
public record SweepPolicy(double maxAgeDays, long maxSizeBytes) {
    public static final SweepPolicy DEFAULT = new SweepPolicy(7, 20L * 1024 * 1024 * 1024);
    public static final SweepPolicy NONE = new SweepPolicy(-1, -1);

    long maxAgeSeconds() {
        return maxAgeDays < 0 ? -1 : Math.round(maxAgeDays * 86400);
    }
}

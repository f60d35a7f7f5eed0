package io.jenkins.plugins.rustcargo.jenkins.config;

import hudson.model.Job;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import io.jenkins.plugins.rustcargo.jenkins.sweep.FormChecks;
import io.jenkins.plugins.rustcargo.jenkins.sweep.Thresholds;
import java.util.List;

/**
 * What one folder sets for the jobs inside it: cache namespace, image and the thresholds of the
 * sweep after each build. A blank field inherits, from the next folder out and finally from the
 * global configuration; so the nearest folder that sets a field wins, field by field.
 */
public record FolderOverride(String namespace, String image, String targetMaxAgeDays, String targetMaxSize) {
    public static final FolderOverride NONE = new FolderOverride("", "", "", "");

    /** Refuses a bad value with one line naming its field, as the global configuration's setters do. */
    public FolderOverride {
        namespace = Thresholds.clean(namespace);
        image = Thresholds.clean(image);
        targetMaxAgeDays = Thresholds.clean(targetMaxAgeDays);
        targetMaxSize = Thresholds.clean(targetMaxSize);
        if (!namespace.isEmpty()) {
            try {
                CacheKey.validate("cache namespace", namespace);
            } catch (InvalidRequestException e) {
                throw new InvalidFieldException("namespace", e.getMessage());
            }
        }
        refuse("targetMaxAgeDays", FormChecks.problemInDays("targetMaxAgeDays", targetMaxAgeDays));
        refuse("targetMaxSize", FormChecks.problemInSize("targetMaxSize", targetMaxSize));
    }

    private static void refuse(String field, String problem) {
        if (problem != null) {
            throw new InvalidFieldException(field, problem);
        }
    }

    /** The folders' overrides, nearest folder first, merged: per field the nearest one that sets it. */
    public static FolderOverride nearestWins(List<FolderOverride> nearestFirst) {
        String namespace = "";
        String image = "";
        String maxAge = "";
        String maxSize = "";
        for (FolderOverride f : nearestFirst) {
            namespace = namespace.isEmpty() ? f.namespace : namespace;
            image = image.isEmpty() ? f.image : image;
            maxAge = maxAge.isEmpty() ? f.targetMaxAgeDays : maxAge;
            maxSize = maxSize.isEmpty() ? f.targetMaxSize : maxSize;
        }
        return new FolderOverride(namespace, image, maxAge, maxSize);
    }

    /** The step's defaults for a job inside: this override's fields, the rest from {@code outer}. */
    public StepDefaults over(StepDefaults outer) {
        if (equals(NONE)) {
            return outer;
        }
        FolderOverride folder = this;
        return new StepDefaults() {
            @Override
            public String image() {
                return folder.image.isEmpty() ? outer.image() : folder.image;
            }

            @Override
            public String buildkitAddress() {
                return outer.buildkitAddress();
            }

            @Override
            public SweepPolicy sweepPolicy() {
                SweepPolicy base = outer.sweepPolicy();
                try {
                    return new SweepPolicy(Thresholds.days("targetMaxAgeDays", folder.targetMaxAgeDays, base.maxAgeDays()),
                            Thresholds.bytes("targetMaxSize", folder.targetMaxSize, base.maxSizeBytes()));
                } catch (InvalidRequestException e) {
                    throw new IllegalStateException("checked when the folder was configured", e);
                }
            }

            @Override
            public String cacheNamespace(Job<?, ?> job) {
                return folder.namespace.isEmpty() ? outer.cacheNamespace(job) : folder.namespace;
            }
        };
    }
}

package io.jenkins.plugins.rustcargo.jenkins.config;

import hudson.ExtensionList;
import hudson.model.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The overrides of the folders around a job, nearest folder first. The seam between the
 * "nearest folder wins" rule ({@link FolderOverride#nearestWins}) and where folders keep their
 * settings: a folder property of the Folders plugin would implement this as an extension by
 * walking {@code job.getParent()} outwards. None is installed yet (see docs/configuration.md), so
 * in Jenkins today every job gets {@link #NONE}'s answer.
 */
public interface FolderChain {
    FolderChain NONE = job -> List.of();

    List<FolderOverride> around(Job<?, ?> job);

    /**
     * A chain over the folders' full names: job {@code team/app/main} lies in {@code team/app},
     * which lies in {@code team}. {@code settingsOf} answers a folder's override, or null when the
     * folder sets none (or is not a folder).
     */
    static FolderChain byPath(Function<String, FolderOverride> settingsOf) {
        return job -> {
            List<FolderOverride> out = new ArrayList<>();
            String name = job.getFullName();
            for (int slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
                FolderOverride folder = settingsOf.apply(name.substring(0, slash));
                if (folder != null) {
                    out.add(folder);
                }
            }
            return out;
        };
    }

    /** The installed chain, or {@link #NONE}. */
    static FolderChain current() {
        for (FolderChain chain : ExtensionList.lookup(FolderChain.class)) {
            return chain;
        }
        return NONE;
    }
}

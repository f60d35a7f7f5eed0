// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Run.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.io.File;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * A particular execution of {@link Job}.
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes other than {@link Actionable} are left out
 * ({@code ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster,
 * StaplerProxy, HistoricalBuild, WithConsoleUrl}).
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable {

    /** Not constructible outside the stand-in package (upstream constructors need a Jenkins). */
    Run() {
    }

    /**
     * Returns the build result.
     *
     * <p>
     * When a build is {@link #isBuilding() in progress}, this method
     * returns an intermediate result.
     * @return The status of the build, if it has completed or some build step has set a status; may be null if the build is ongoing.
     */
    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Sets the {@link #getResult} of this build.
     * Has no effect when the result is already set and worse than the proposed result.
     * May only be called after the build has started and before it has moved into post-production
     * (normally meaning both {@link #isInProgress} and {@link #isBuilding} are true).
     * @param r the proposed new result
     */
    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns true if the build is not completed yet.
     * This includes "not started yet" state.
     */
    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the parent job of this build.
     */
    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Same as {@link #getStartTimeInMillis()} but with the time the build was scheduled.
     */
    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * When the build has started running in an executor.
     */
    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the millisecond it took to build.
     * @return 0 if the build is still running.
     */
    public long getDuration() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the most recent completed build excluding 'this' Run itself.
     */
    public final @CheckForNull RunT getPreviousCompletedBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull RunT getNextBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the URL of this {@link Run}, relative to the context root of Hudson.
     *
     * @return
     *      String like "job/foo/32/" with trailing slash but no leading slash.
     */
    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Unique ID of this build (same as the build number since 1.597).
     */
    public @NonNull String getId() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Get the root directory of this {@link Run} on the controller.
     */
    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the map that contains environmental variables to be used for launching
     * processes for this build.
     */
    public @NonNull EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Produces an identifier for this run unique in the system.
     * @return the {@link Job#getFullName}, then {@code #}, then {@link #getNumber}
     * @see #fromExternalizableId
     */
    public @NonNull String getExternalizableId() {
        return getParent().getFullName() + "#" + getNumber();
    }

    /**
     * Tries to find a run from an persisted identifier.
     * Ported: malformed ids throw {@link IllegalArgumentException}; without a running Jenkins the result is null.
     * @param id as produced by {@link #getExternalizableId}
     * @return the same run, or null if the job or run was not found
     * @throws IllegalArgumentException if the ID is malformed
     */
    public @CheckForNull static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        int hash = id.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("Invalid id");
        }
        try {
            Integer.parseInt(id.substring(hash + 1));
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException(x);
        }
        Jenkins j = Jenkins.getInstanceOrNull();
        if (j == null) {
            return null;
        }
        throw new UnsupportedOperationException("stand-in");
    }
}

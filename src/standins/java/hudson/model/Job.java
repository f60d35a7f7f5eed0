// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Job.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

/**
 * A job is an runnable entity under the monitoring of Hudson.
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes other than {@link AbstractItem} are left out
 * ({@code ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets}).
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem {

    /** Not constructible outside the stand-in package (upstream constructors need a Jenkins). */
    Job() {
    }

    /**
     * Gets the build by its number, or null if there is no such build.
     */
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNextBuildNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the last build, or null if none.
     */
    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the oldest build in the record, or null if none.
     */
    public RunT getFirstBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the last successful build, if any (UNSTABLE or SUCCESS). Otherwise null.
     */
    public RunT getLastSuccessfulBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns the last completed build, if any. Otherwise null.
     */
    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("stand-in");
    }
}

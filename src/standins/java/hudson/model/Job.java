// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    Job() {
    }

    public int getNextBuildNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stand-in");
    }
}

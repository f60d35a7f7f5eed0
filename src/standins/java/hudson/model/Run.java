// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    Run() {
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in");
    }
}

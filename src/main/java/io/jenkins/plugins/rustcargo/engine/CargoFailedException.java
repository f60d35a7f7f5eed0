package io.jenkins.plugins.rustcargo.engine;

/** Cargo ran and exited non-zero, or the build around it failed. Carries the run's summary. */
public class CargoFailedException extends RustCargoException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient RunSummary summary;

    public CargoFailedException(String oneLine, int exitCode, RunSummary summary) {
        super(oneLine);
        this.exitCode = exitCode;
        this.summary = summary;
    }

    /** Cargo's exit code, or -1 when cargo never ran (image pull failed, daemon died, ...). */
    public int exitCode() {
        return exitCode;
    }

    public RunSummary summary() {
        return summary;
    }
}

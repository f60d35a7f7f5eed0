package io.jenkins.plugins.rustcargo.engine;

/** Where the engine writes what the user reads: the build console or the terminal. */
public interface BuildLog {
    /** Drops every line: for callers that only need the result (e.g. sweep builds). */
    BuildLog DISCARD = new BuildLog() {
        @Override
        public void output(String line) {}

        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    /** A line produced by cargo or by the program cargo runs, passed through unchanged. */
    void output(String line);

    /** A condensed line from rust-cargo itself (context upload, lock wait, timings). */
    void info(String line);

    /** Something the user should look at, which does not fail the build by itself. */
    void warn(String line);
}

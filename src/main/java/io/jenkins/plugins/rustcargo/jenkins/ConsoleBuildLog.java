package io.jenkins.plugins.rustcargo.jenkins;

import hudson.model.TaskListener;
import io.jenkins.plugins.rustcargo.engine.BuildLog;
import java.io.PrintStream;

/** Writes the engine's lines to the build console; rust-cargo's own lines are prefixed. */
final class ConsoleBuildLog implements BuildLog {
    private final PrintStream out;

    ConsoleBuildLog(TaskListener listener) {
        this.out = listener.getLogger();
    }

    @Override
    public synchronized void output(String line) {
        out.println(line);
    }

    @Override
    public synchronized void info(String line) {
        out.println("[rust-cargo] " + line);
    }

    @Override
    public synchronized void warn(String line) {
        out.println("[rust-cargo] WARNING: " + line);
    }
}

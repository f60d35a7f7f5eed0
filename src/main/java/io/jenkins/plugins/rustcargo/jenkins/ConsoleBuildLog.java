package io.jenkins.plugins.rustcargo.jenkins;

import hudson.model.TaskListener;
import io.jenkins.plugins.rustcargo.engine.PrintStreamLog;

/** The build console: cargo's lines as they are, rust-cargo's own lines prefixed. */
final class ConsoleBuildLog {
    static final String PREFIX = "[rust-cargo] ";

    private ConsoleBuildLog() {}

    static PrintStreamLog of(TaskListener listener) {
        return new PrintStreamLog(listener.getLogger(), listener.getLogger(), PREFIX);
    }
}

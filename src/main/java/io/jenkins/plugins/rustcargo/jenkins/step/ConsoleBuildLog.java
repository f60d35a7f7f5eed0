package io.jenkins.plugins.rustcargo.jenkins.step;

import io.jenkins.plugins.rustcargo.engine.PrintStreamLog;
import java.io.PrintStream;

/** The build console: cargo's lines as they are, rust-cargo's own lines prefixed. */
final class ConsoleBuildLog {
    static final String PREFIX = "[rust-cargo] ";

    private ConsoleBuildLog() {}

    static PrintStreamLog of(PrintStream console) {
        return new PrintStreamLog(console, console, PREFIX);
    }
}

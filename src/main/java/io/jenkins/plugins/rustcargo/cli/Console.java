package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.PrintStreamLog;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command talks to: its output streams and the caller's environment. Passed in, never read
 * from {@link System}, so tests run commands with their own streams and variables.
 */
record Console(PrintStream out, PrintStream err, Map<String, String> env) {
    static final String PREFIX = "rustcargo: ";

    BuildLog log() {
        return new PrintStreamLog(out, err, PREFIX);
    }

    /** Our one-line messages; every error the CLI prints goes through here. */
    void error(String oneLine) {
        err.println(PREFIX + oneLine);
    }
}

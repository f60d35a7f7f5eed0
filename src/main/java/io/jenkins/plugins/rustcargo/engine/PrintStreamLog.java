package io.jenkins.plugins.rustcargo.engine;

import java.io.PrintStream;

/**
 * A {@link BuildLog} on print streams: cargo's lines as they are, rust-cargo's own lines with a
 * prefix. The CLI splits them over stdout and stderr; the Jenkins console takes both.
 */
public final class PrintStreamLog implements BuildLog {
    private final PrintStream output;
    private final PrintStream messages;
    private final String prefix;

    public PrintStreamLog(PrintStream output, PrintStream messages, String prefix) {
        this.output = output;
        this.messages = messages;
        this.prefix = prefix;
    }

    @Override
    public void output(String line) {
        synchronized (output) {
            output.println(line);
        }
    }

    @Override
    public void info(String line) {
        synchronized (messages) {
            messages.println(prefix + line);
        }
    }

    @Override
    public void warn(String line) {
        synchronized (messages) {
            messages.println(prefix + "WARNING: " + line);
        }
    }
}

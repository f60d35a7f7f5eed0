package io.jenkins.plugins.rustcargo.engine;

import java.util.concurrent.TimeUnit;

/** A test host's process that has already run to its end: every wait returns at once. */
public record ExitedProcess(int exitCode) implements RunningProcess {
    @Override
    public int waitFor() {
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public void terminate() {}

    @Override
    public void kill() {}
}

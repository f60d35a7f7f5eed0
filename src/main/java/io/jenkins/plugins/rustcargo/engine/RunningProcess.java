package io.jenkins.plugins.rustcargo.engine;

import java.util.concurrent.TimeUnit;

/** A started process on the build host. */
public interface RunningProcess {

    /** Waits for exit and returns the exit code; all output has been delivered when it returns. */
    int waitFor() throws InterruptedException;

    /** Waits at most the given time; returns true if the process has exited. */
    boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException;

    /** Asks the process to stop (SIGTERM); buildctl then cancels its build in the daemon. */
    void terminate();

    /** Stops the process forcibly. */
    void kill();
}

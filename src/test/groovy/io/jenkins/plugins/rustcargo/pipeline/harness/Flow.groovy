package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * One thread of the pipeline (the main flow or a parallel branch). Stopping it (timeout, failFast)
 * records why and interrupts the thread; steps check it before they start and while they block.
 */
class Flow {
    final Thread thread
    final String branch
    private volatile FlowInterruptedException stop

    Flow(Thread thread, String branch) {
        this.thread = thread
        this.branch = branch
    }

    void stop(FlowInterruptedException why) {
        if (stop == null) {
            stop = why
        }
        thread.interrupt()
    }

    FlowInterruptedException stopped() {
        return stop
    }

    /** Clears a stop that was handled (a timeout block that ended). */
    void clear(FlowInterruptedException why) {
        if (stop != null && stop.is(why)) {
            stop = null
            Thread.interrupted()
        }
    }

    /** Throws if the flow was stopped; steps call it before they do anything. */
    void check() {
        if (stop != null) {
            throw stop
        }
        if (Thread.currentThread().is(thread) && Thread.interrupted()) {
            throw new FlowInterruptedException(Results.ABORTED, 'interrupted')
        }
    }

    /** Turns an InterruptedException caught while blocking into the flow's reason. */
    FlowInterruptedException interrupted(InterruptedException e) {
        if (e instanceof FlowInterruptedException) {
            return (FlowInterruptedException) e
        }
        return stop ?: new FlowInterruptedException(Results.ABORTED, 'interrupted')
    }
}

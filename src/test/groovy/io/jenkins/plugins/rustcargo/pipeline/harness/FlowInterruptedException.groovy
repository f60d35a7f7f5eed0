package io.jenkins.plugins.rustcargo.pipeline.harness

/** Stands for FlowInterruptedException: the flow was stopped (timeout, failFast, abort) with a result. */
class FlowInterruptedException extends InterruptedException {
    final String result
    /** false when a sibling branch failed (failFast): the branch stops, the build keeps that failure's result. */
    final boolean actualInterruption

    FlowInterruptedException(String result, String message, boolean actualInterruption = true) {
        super(message)
        this.result = Results.check(result)
        this.actualInterruption = actualInterruption
    }
}

package io.jenkins.plugins.rustcargo.pipeline.harness

/** One stage as it ran: when, where (thread, agent) and how it ended. */
class StageRun {
    String name
    String path
    String parentPath
    String branch
    String thread
    String nodeId
    long startNanos
    volatile long endNanos
    volatile String status = 'RUNNING'
    volatile String skipReason
    volatile String errorMessage
    volatile boolean unstable

    boolean overlaps(StageRun other) {
        return startNanos < other.endNanos && other.startNanos < endNanos
    }

    @Override
    String toString() {
        return "${path} ${status}${skipReason ? ' (' + skipReason + ')' : ''}${errorMessage ? ': ' + errorMessage : ''}"
    }
}

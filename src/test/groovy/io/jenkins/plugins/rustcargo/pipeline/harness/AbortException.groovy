package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * Stands for hudson.AbortException: a step failure whose message is the whole story (Jenkins
 * prints "ERROR: message", no stack trace, and the build fails).
 */
class AbortException extends IOException {
    AbortException(String message) {
        super(message)
    }
}

package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * The program state could not be saved at a step call: in Jenkins the build fails with the
 * NotSerializableException, and no script catch block can keep it going (this is an Error).
 */
class ProgramStateError extends Error {
    ProgramStateError(String step, NotSerializableException cause) {
        super("the pipeline's state cannot be saved when calling ${step}: " + cause, cause)
    }
}

package io.jenkins.plugins.rustcargo.pipeline.harness

/** A pipeline the harness (like Jenkins) rejects: bad declarative syntax, missing context, unknown option. */
class PipelineError extends RuntimeException {
    PipelineError(String message) {
        super(message)
    }
}

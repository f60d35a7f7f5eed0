package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * Base class of every Jenkinsfile and vars/ script the harness compiles: a script's own sleep N
 * is the sleep step (seconds), not Groovy's sleep (milliseconds).
 *
 * Limit: inside a closure, a bare sleep(N) still finds Groovy's Object.sleep(long) on the closure
 * itself before any interception (Jenkins' CPS transformation has no such problem). Write
 * sleep(time: N, unit: 'SECONDS') in closures.
 */
abstract class PipelineScript extends Script implements Serializable {
    private static final long serialVersionUID = 1L
    static final String HARNESS = '__pipelineHarness'

    void sleep(long seconds) {
        harness().sleep(seconds)
    }

    void sleep(Map spec) {
        harness().sleep(spec)
    }

    private PipelineHarness harness() {
        return (PipelineHarness) binding.getVariable(HARNESS)
    }
}

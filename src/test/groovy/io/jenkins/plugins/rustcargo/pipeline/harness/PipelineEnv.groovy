package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * The global 'env': reads see the current block's overrides over the build's variables; writes
 * (env.X = ...) set a build variable, as in Jenkins.
 */
class PipelineEnv extends GroovyObjectSupport {
    private final PipelineHarness harness

    PipelineEnv(PipelineHarness harness) {
        this.harness = harness
    }

    @Override
    Object getProperty(String name) {
        if (name == 'metaClass') {
            return super.getProperty(name)
        }
        return harness.pipelineEnv()[name]
    }

    @Override
    void setProperty(String name, Object value) {
        harness.setBuildVariable(name, value == null ? null : value.toString())
    }

    Map<String, String> getEnvironment() {
        return harness.pipelineEnv()
    }

    Object getAt(String name) {
        return getProperty(name)
    }

    void putAt(String name, Object value) {
        setProperty(name, value)
    }

    @Override
    String toString() {
        return 'env'
    }
}

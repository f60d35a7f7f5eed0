// rustFmt: checks formatting through the rustCargo step. Reference: vars/rustFmt.txt, docs/shared-library.md.
import groovy.transform.Field
import io.jenkins.plugins.rustcargo.library.StepHelpers

@Field static final String DEFAULT_ARGS = 'fmt --check'

/** Every key of config reaches rustCargo unchanged; args defaults to 'fmt --check'. */
def call(Map config = [:]) {
    Map params = StepHelpers.rustCargoParams(config, [])
    if (params.args == null) {
        params.args = DEFAULT_ARGS
    }
    return rustCargo(params)
}

// rustLint: runs clippy through the rustCargo step. Reference: vars/rustLint.txt, docs/shared-library.md.
import groovy.transform.Field
import io.jenkins.plugins.rustcargo.library.StepHelpers

@Field static final String DEFAULT_ARGS = 'clippy --all-targets --all-features -- -D warnings'

/**
 * Every key of config except the ones below reaches rustCargo unchanged (image, cacheKey, dir,
 * secretEnv, addr, keepFingerprints, returnStatus, ...).
 */
def call(Map config = [:]) {
    Map params = StepHelpers.rustCargoParams(config, [])
    if (params.args == null) {
        params.args = DEFAULT_ARGS
    }
    return rustCargo(params)
}

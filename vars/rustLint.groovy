// rustLint: runs clippy through the rustCargo step. Reference: vars/rustLint.txt, docs/shared-library.md.
import com.cloudbees.groovy.cps.NonCPS
import groovy.transform.Field

@Field static final String DEFAULT_ARGS = 'clippy --all-targets --all-features -- -D warnings'

/**
 * Every key of config except the ones below reaches rustCargo unchanged (image, cacheKey, dir,
 * secretEnv, addr, keepFingerprints, returnStatus, ...).
 */
def call(Map config = [:]) {
    Map params = rustCargoParams(config, [])
    if (params.args == null) {
        params.args = DEFAULT_ARGS
    }
    return rustCargo(params)
}

@NonCPS
private Map rustCargoParams(Map config, List<String> ownKeys) {
    Map params = [:]
    config.each { key, value ->
        if (!ownKeys.contains(key as String) && value != null) {
            params[key as String] = value
        }
    }
    return params
}

// rustBuild: builds through the rustCargo step, exports the outputs and optionally archives or
// stashes them. Reference: vars/rustBuild.txt, docs/shared-library.md.
import com.cloudbees.groovy.cps.NonCPS
import groovy.transform.Field
import io.jenkins.plugins.rustcargo.library.StepHelpers

@Field static final List<String> OWN_KEYS = ['archive', 'stash', 'fingerprint', 'features']

/**
 * Keys of config that rustBuild does not own (args, output, requireOutput, image, cacheKey, dir,
 * secretEnv, returnStatus, ...) reach rustCargo unchanged. Returns the exported files (paths
 * relative to the current directory), or cargo's exit code with returnStatus: true.
 */
def call(Map config = [:]) {
    Map options = [args: 'build --release', output: 'release/[^/.]+', archive: false, fingerprint: true]
    options.putAll(config)
    Map params = StepHelpers.rustCargoParams(options, OWN_KEYS)
    params.args = StepHelpers.withFeatures(params.args, options.features)
    boolean keep = options.archive || options.stash
    if (keep && params.output && !params.containsKey('requireOutput')) {
        params.requireOutput = true
    }
    String target = StepHelpers.targetDir(params.dir as String)
    if (params.output) {
        removeFiles(exportedFiles(target, params.output as String))
    }
    def status = rustCargo(params)
    if (params.returnStatus && status != 0) {
        return status
    }
    List<String> files = params.output ? exportedFiles(target, params.output as String) : []
    if (files && options.archive) {
        archiveArtifacts(artifacts: files.join(','), fingerprint: options.fingerprint as boolean)
    }
    if (files && options.stash) {
        stash(name: options.stash as String, includes: files.join(','))
    }
    return params.returnStatus ? status : files
}

/** Files under target/ (relative to it) that fully match the output regex, as the engine matches them. */
List<String> exportedFiles(String target, String output) {
    String quoted = StepHelpers.shellQuote(target)
    String listing = sh(script: "if [ -d ${quoted} ]; then cd ${quoted} && find . -type f; fi",
            returnStdout: true, label: 'rustBuild: list exported files')
    return matching(listing, target, output)
}

def removeFiles(List<String> files) {
    if (files) {
        sh(script: "rm -f -- ${shellWords(files)}",
                label: 'rustBuild: remove the previous build\'s exports')
    }
}

@NonCPS
private List<String> matching(String listing, String target, String output) {
    List<String> files = []
    listing.split('\n').each { String line ->
        String path = line.trim()
        path = path.startsWith('./') ? path.substring(2) : path
        if (path && path ==~ output) {
            files << "${target}/${path}".toString()
        }
    }
    return files.sort()
}

@NonCPS
private String shellWords(List<String> words) {
    return words.collect { w -> StepHelpers.shellQuote(w) }.join(' ')
}

// rustBuild: builds through the rustCargo step, exports the outputs and optionally archives or
// stashes them. Reference: vars/rustBuild.txt, docs/shared-library.md.
import com.cloudbees.groovy.cps.NonCPS
import groovy.transform.Field

import java.util.regex.Matcher

@Field static final List<String> OWN_KEYS = ['archive', 'stash', 'fingerprint', 'features']

/**
 * Keys of config that rustBuild does not own (args, output, requireOutput, image, cacheKey, dir,
 * secretEnv, returnStatus, ...) reach rustCargo unchanged. Returns the exported files (paths
 * relative to the current directory), or cargo's exit code with returnStatus: true.
 */
def call(Map config = [:]) {
    Map options = [args: 'build --release', output: 'release/[^/.]+', archive: false, fingerprint: true]
    options.putAll(config)
    Map params = rustCargoParams(options, OWN_KEYS)
    params.args = withFeatures(params.args, options.features)
    boolean keep = options.archive || options.stash
    if (keep && params.output && !params.containsKey('requireOutput')) {
        params.requireOutput = true
    }
    String target = targetDir(params.dir as String)
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
    String listing = sh(script: "if [ -d ${shellQuote(target)} ]; then cd ${shellQuote(target)} && find . -type f; fi",
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

/** Adds --features to a cargo command (a String or a List), before any '--'. */
@NonCPS
private withFeatures(args, features) {
    List<String> list = features instanceof Collection ? features.collect { f -> f as String } :
            features ? (features as String).split(/[\s,]+/).findAll { f -> f } : []
    if (!list) {
        return args
    }
    String joined = list.join(',')
    if (args instanceof List) {
        List<String> argv = args.collect { a -> a as String }
        int end = argv.indexOf('--')
        argv.addAll(end < 0 ? argv.size() : end, ['--features', joined])
        return argv
    }
    String text = args as String
    Matcher m = text =~ /(^|\s)--(\s|$)/
    return m.find() ? "${text.substring(0, m.start())} --features ${joined}${text.substring(m.start())}" :
            "${text} --features ${joined}"
}

@NonCPS
private String targetDir(String dir) {
    String d = (dir ?: '.').replaceAll('/+$', '') ?: '.'
    return d == '.' ? 'target' : "${d}/target"
}

@NonCPS
private String shellWords(List<String> words) {
    return words.collect { w -> shellQuote(w) }.join(' ')
}

@NonCPS
private String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'"
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

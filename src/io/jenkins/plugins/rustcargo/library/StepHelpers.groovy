package io.jenkins.plugins.rustcargo.library

import com.cloudbees.groovy.cps.NonCPS

import java.util.regex.Matcher

/**
 * Helpers that several vars/ steps share: plain functions of their arguments, @NonCPS, calling
 * no pipeline step, so that CPS code may call them like any other method.
 * Reference: docs/shared-library.md.
 */
final class StepHelpers { // codenarc-disable-line ClassNotSerializable -- static methods only, never instantiated

    private StepHelpers() {
    }

    /** The keys of config that reach rustCargo: all but the step's own keys and null values. */
    @NonCPS
    static Map rustCargoParams(Map config, List<String> ownKeys) {
        Map params = [:]
        config.each { key, value ->
            if (!ownKeys.contains(key as String) && value != null) {
                params[key as String] = value
            }
        }
        return params
    }

    /** Adds --features to a cargo command (a String or a List), before any '--'. */
    @NonCPS
    static withFeatures(args, features) {
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

    /** '' for the workspace itself, else 'dir/' (dir is rustCargo's dir parameter). */
    @NonCPS
    static String workspaceDir(String dir) {
        String d = (dir ?: '.').replaceAll('/+$', '') ?: '.'
        return d == '.' ? '' : "${d}/"
    }

    /** The target directory of rustCargo's dir parameter, relative to the current directory. */
    @NonCPS
    static String targetDir(String dir) {
        return workspaceDir(dir) + 'target'
    }

    /** rustTest's JUnit report for a stage, relative to the cargo workspace. */
    @NonCPS
    static String junitReportPath(String stage) {
        return "target/rustcargo-reports/${(stage ?: 'rustTest').replaceAll('[^A-Za-z0-9._-]+', '-')}/junit.xml"
    }

    /** s as one single-quoted word for sh. */
    @NonCPS
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'"
    }

}

package io.jenkins.plugins.rustcargo.pipeline.harness

/** Jenkins' build results, worst last (hudson.model.Result ordinals). */
final class Results {
    static final String SUCCESS = 'SUCCESS'
    static final String UNSTABLE = 'UNSTABLE'
    static final String FAILURE = 'FAILURE'
    static final String NOT_BUILT = 'NOT_BUILT'
    static final String ABORTED = 'ABORTED'
    static final List<String> ORDER = [SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED]

    private Results() {}

    static String check(String result) {
        if (!ORDER.contains(result)) {
            throw new IllegalArgumentException("'${result}' is not a build result: use one of ${ORDER}")
        }
        return result
    }

    static String worse(String a, String b) {
        if (a == null) {
            return b
        }
        if (b == null) {
            return a
        }
        return ORDER.indexOf(check(a)) >= ORDER.indexOf(check(b)) ? a : b
    }

    static boolean isWorseThan(String a, String b) {
        return ORDER.indexOf(check(a)) > ORDER.indexOf(check(b))
    }
}

package io.jenkins.plugins.rustcargo.pipeline.harness

/** The global 'currentBuild' (RunWrapper): the result can only get worse. */
class CurrentBuild {
    int number = 1
    String displayName = '#1'
    String description
    String projectName
    final long startTimeInMillis = System.currentTimeMillis()
    private String result

    synchronized String getResult() {
        return result
    }

    synchronized void setResult(String value) {
        result = Results.worse(result, Results.check(value))
    }

    synchronized String getCurrentResult() {
        return result ?: Results.SUCCESS
    }

    boolean resultIsBetterOrEqualTo(String other) {
        return !Results.isWorseThan(getCurrentResult(), other)
    }

    boolean resultIsWorseOrEqualTo(String other) {
        return !Results.isWorseThan(other, getCurrentResult())
    }

    Object getRawBuild() {
        throw new PipelineError('currentBuild.rawBuild is not available here (and needs script approval in Jenkins)')
    }
}

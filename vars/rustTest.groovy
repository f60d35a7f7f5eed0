// rustTest: runs the tests through the rustCargo step and, with junit: true, publishes the JUnit
// report that the step writes from libtest's JSON events. Reference: vars/rustTest.txt,
// docs/shared-library.md.
import groovy.transform.Field
import io.jenkins.plugins.rustcargo.library.StepHelpers

@Field static final List<String> OWN_KEYS = ['junit', 'features']

/**
 * Keys of config that rustTest does not own (args, image, cacheKey, dir, secretEnv, returnStatus,
 * ...) reach rustCargo unchanged. junit: true publishes the results to Jenkins' junit step, also
 * when tests fail.
 */
def call(Map config = [:]) {
    Map params = StepHelpers.rustCargoParams(config, OWN_KEYS)
    params.args = StepHelpers.withFeatures(params.args ?: 'test', config.features)
    if (!config.junit) {
        return rustCargo(params)
    }
    // Relative to the cargo workspace (dir), where the step writes it; one file per stage, so
    // that parallel stages never share one.
    params.junitReport = StepHelpers.junitReportPath(env.STAGE_NAME as String)
    try {
        return rustCargo(params)
    } finally {
        publish(StepHelpers.workspaceDir(params.dir as String) + params.junitReport)
    }
}

def publish(String report) {
    try {
        junit(testResults: report, allowEmptyResults: true)
    } catch (InterruptedException interrupted) {
        throw interrupted
    } catch (Exception e) { // codenarc-disable-line CatchException -- a report problem must not hide cargo's result
        echo "rustTest: could not publish the JUnit report: ${e.message}"
    }
}

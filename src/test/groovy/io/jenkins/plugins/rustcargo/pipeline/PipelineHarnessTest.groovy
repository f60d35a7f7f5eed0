package io.jenkins.plugins.rustcargo.pipeline

import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineError
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineHarness
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineRun
import io.jenkins.plugins.rustcargo.pipeline.harness.ProgramStateError
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

import static org.junit.jupiter.api.Assertions.assertEquals
import static org.junit.jupiter.api.Assertions.assertTrue
import static org.junit.jupiter.api.Assertions.assertFalse

/**
 * The harness itself, without BuildKit: it must interpret the declarative subset with Jenkins'
 * semantics, or the end-to-end tests would prove nothing.
 */
class PipelineHarnessTest {
    PipelineHarness harness
    @TempDir
    Path workspace

    @BeforeEach
    void setUp() {
        harness = new PipelineHarness(jenkinsfiles: Paths.get('src/test/resources/pipeline-harness').toAbsolutePath(),
                workspace: workspace, jobName: 'harness-test')
    }

    @Test
    void declarativeEnvironmentWhenFailureAndPostOrder() {
        PipelineRun run = harness.run('declarative-semantics.Jenkinsfile')
        assertEquals('FAILURE', run.result, run.toString())
        assertTrue(run.logContains('TOP=top DERIVED=top-derived INNER=inner-hello STAGE=env and params'), run.text())
        assertTrue(run.logContains('script block: [2, 4, 6]'))
        assertEquals('SKIPPED', run.stage('only on release branches').status)
        assertFalse(run.logContains('must not run'), run.text())
        assertEquals('SUCCESS', run.stage('when expression').status)
        assertEquals('FAILURE', run.stage('fails').status)
        assertEquals('this stage fails on purpose', run.stage('fails').errorMessage)
        assertEquals('SKIPPED', run.stage('after the failure').status)
        List<String> post = run.log.findAll { l -> l.startsWith('stage post:') || l.startsWith('post:') }
        assertEquals(['stage post: always', 'stage post: failure', 'post: always', 'post: failure, result FAILURE',
                      'post: cleanup'], post)
        assertEquals('ERROR: this stage fails on purpose', run.log[-2])
    }

    @Test
    void parallelStagesRunConcurrentlyOnOneAgent() {
        PipelineRun run = harness.run('parallel-overlap.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.toString())
        List branches = ['a', 'b', 'c'].collect { n -> run.stage(n) }
        // From the first branch's start to the last one's end: compiling the script does not count.
        long millis = (branches.collect { s -> s.endNanos }.max() - branches.collect { s -> s.startNanos }.min()).intdiv(1_000_000)
        assertTrue(millis < 2500, "three 1 s branches took ${millis} ms")
        branches.each { x -> branches.each { y -> assertTrue(x.is(y) || x.overlaps(y), "${x} overlaps ${y}") } }
        assertEquals(3, branches.collect { s -> s.thread }.unique().size(), 'one thread per branch')
        assertEquals(1, run.nodes.size(), 'one agent allocation')
        branches.each { s -> assertEquals(run.nodes[0].id, s.nodeId) }
        ['a', 'b', 'c'].each { n -> assertTrue(run.log.contains("[${n}] in ${n}".toString()), run.text()) }
    }

    @Test
    void failFastStopsTheOtherBranches() {
        long t0 = System.nanoTime()
        PipelineRun run = harness.run('fail-fast.Jenkinsfile')
        long millis = (System.nanoTime() - t0).intdiv(1_000_000)
        assertEquals('FAILURE', run.result)
        assertEquals('boom', run.error.message)
        assertEquals('FAILURE', run.stage('fails').status)
        assertEquals('ABORTED', run.stage('slow').status)
        assertTrue(millis < 10_000, "the slow branch was stopped, not awaited (${millis} ms)")
        assertFalse(run.logContains('must not happen'))
    }

    @Test
    void timeoutAbortsTheBuild() {
        long t0 = System.nanoTime()
        PipelineRun run = harness.run('timeout.Jenkinsfile')
        assertEquals('ABORTED', run.result)
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L)
        assertTrue(run.logContains('Timeout has been exceeded'))
    }

    @Test
    void scriptedStepsWorkOnTheRealWorkspace() {
        harness.credentials = [creds: [username: 'alice', password: 'pa55word']]
        PipelineRun run = harness.run('scripted-steps.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals(['out/a.txt', 'out/b.txt', 'out/color.txt'], run.archived.keySet() as List)
        assertEquals('AB', run.archived['out/b.txt'].text)
        assertEquals('color is blue\n', run.archived['out/color.txt'].text)
        assertTrue(run.logContains('after unstash: true'))
        assertTrue(run.logContains('user alice pass ****'), run.text())
        assertFalse(run.logContains('pa55word'), 'the password is masked')
        assertTrue(run.log.contains('[one] branch one') && run.log.contains('[two] branch two'), run.text())
        assertTrue(run.logContains('stdout=hi status=3'))
    }

    @Test
    void failedTestsMakeTheBuildUnstable() {
        PipelineRun run = harness.run('junit-unstable.Jenkinsfile')
        assertEquals('UNSTABLE', run.result)
        assertEquals('UNSTABLE', run.stage('report').status)
        assertEquals('SUCCESS', run.stage('next').status)
        assertEquals(1, run.junitReports.size())
        assertEquals(2, run.junitReports[0].total)
        assertEquals(1, run.junitReports[0].failed)
        assertTrue(run.logContains('post: unstable'))
    }

    @Test
    void aLabelNoAgentHasFailsTheBuild() {
        PipelineRun run = harness.run('no-such-agent.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertTrue(run.error.message.contains("There are no nodes with the label 'windows'"), run.error.message)
    }

    @Test
    void workspaceStepsNeedANode() {
        PipelineRun run = harness.run('outside-node.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertTrue(run.error.message.contains('Required context class hudson.FilePath is missing'), run.error.message)
    }

    // ---- CPS: the program is saved at every step call, as workflow-cps saves it ------------------

    @Test
    void aMatcherKeptAcrossAStepFailsTheBuildAsInJenkins() {
        harness.repository = Paths.get('src/test/resources/pipeline-harness/wrong-library').toAbsolutePath()
        PipelineRun run = harness.run('wrong-library.Jenkinsfile')
        assertEquals('FAILURE', run.result, run.text())
        assertTrue(run.logContains('major 1') && run.logContains('minor 2'), 'the @NonCPS way works: ' + run.text())
        assertEquals(ProgramStateError, run.error.getClass(), run.text())
        assertEquals(NotSerializableException, run.error.cause.getClass())
        assertEquals('java.util.regex.Matcher', run.error.cause.message)
        assertFalse(run.logContains('major 4'), 'the step that would have been saved with the Matcher never ran')
        assertFalse(run.logContains('a script cannot catch it'), run.text())
        assertEquals('FAILURE', run.stage('wrong').status)
    }

    @Test
    void everyStepCallSavesTheProgramAndIteratorsAreSavedAsInJenkins() {
        PipelineRun run = harness.run('each-across-steps.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals(['item a', 'item b', 'entry k=v', 'for x 1', 'for y 2', 'for z 3'],
                run.log.findAll { l -> l ==~ /(item|entry|for) .*/ })
        assertEquals(7, run.programSaves, 'node and six echo calls, each saved before it ran')
    }

    @Test
    void cpsCodeCalledFromNonCpsCodeFailsTheBuild() {
        PipelineRun run = harness.run('cps-from-noncps.Jenkinsfile')
        assertEquals('FAILURE', run.result, run.text())
        assertEquals(PipelineError, run.error.getClass(), run.text())
        assertTrue(run.error.message.startsWith('expected to call ') && run.error.message.contains('.shout but wound up catching ') &&
                run.error.message.contains('.greeting'), run.error.message)
        assertFalse(run.logContains('result:'), run.text())
    }

    @Test
    void aStepCalledFromNonCpsCodeFailsTheBuild() {
        PipelineRun run = harness.run('step-from-noncps.Jenkinsfile')
        assertEquals('FAILURE', run.result, run.text())
        assertTrue(run.error.message.startsWith('expected to call ') &&
                run.error.message.contains('.tell but wound up catching a step'), run.error.message)
        assertFalse(run.logContains('after'), run.text())
    }

    // ---- what Declarative's validator rejects fails here too, before any stage runs ----------

    private void assertRejected(String file, String message) {
        PipelineRun run = harness.run("invalid/${file}")
        assertEquals('FAILURE', run.result, run.text())
        assertEquals(PipelineError, run.error.getClass(), run.text())
        assertEquals(message, run.error.message)
        assertTrue(run.stages.isEmpty(), "no stage ran: ${run.stages}")
        assertFalse(run.logContains('must not run'), run.text())
    }

    @Test
    void anUnknownSectionIsRejected() {
        assertRejected('unknown-section.Jenkinsfile', 'Undefined section "deploymentTargets" in pipeline { }')
    }

    @Test
    void anUnknownStageDirectiveIsRejected() {
        assertRejected('unknown-stage-directive.Jenkinsfile',
                'Unknown stage section "enviroment" in stage \'typo\'. Steps in a stage must be in a \'steps\' block.')
    }

    @Test
    void aStageWithStepsAndParallelIsRejected() {
        assertRejected('steps-and-parallel.Jenkinsfile', "Only one of 'parallel', 'stages' or 'steps' allowed for stage 'both'")
    }

    @Test
    void parallelInsideAParallelBranchIsRejected() {
        assertRejected('nested-parallel.Jenkinsfile', "stage 'branch' is a parallel branch: parallel stages or " +
                'branches can only be included in a top-level stage')
    }

    @Test
    void aStepOutsideStepsIsRejected() {
        assertRejected('step-outside-steps.Jenkinsfile',
                'Unknown stage section "echo" in stage \'sloppy\'. Steps in a stage must be in a \'steps\' block.')
    }

    @Test
    void labelExpressions() {
        assertTrue(PipelineHarness.labelMatches('rust', ['rust', 'linux']))
        assertTrue(PipelineHarness.labelMatches('rust && linux', ['rust', 'linux']))
        assertFalse(PipelineHarness.labelMatches('rust && !linux', ['rust', 'linux']))
        assertTrue(PipelineHarness.labelMatches('windows || (rust && linux)', ['rust', 'linux']))
        assertFalse(PipelineHarness.labelMatches('windows', ['rust', 'linux']))
    }

    @Test
    void antPatterns() {
        assertTrue(PipelineHarness.antMatches('target/release/*', 'target/release/tiny-app'))
        assertFalse(PipelineHarness.antMatches('target/release/*', 'target/release/deps/x'))
        assertTrue(PipelineHarness.antMatches('**/*.xml', 'report.xml'))
        assertTrue(PipelineHarness.antMatches('**/*.xml', 'a/b/report.xml'))
        assertTrue(PipelineHarness.antMatches('out/', 'out/a/b'))
    }
}

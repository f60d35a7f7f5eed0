package io.jenkins.plugins.rustcargo.pipeline

import io.jenkins.plugins.rustcargo.pipeline.harness.AbortException
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineHarness
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineRun
import io.jenkins.plugins.rustcargo.pipeline.harness.StageRun
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

import static org.junit.jupiter.api.Assertions.assertEquals
import static org.junit.jupiter.api.Assertions.assertFalse
import static org.junit.jupiter.api.Assertions.assertNull
import static org.junit.jupiter.api.Assertions.assertTrue

/**
 * What each vars/ step hands to rustCargo and does around it, with rustCargo replaced by a stub
 * (the end-to-end runs on the real engine are in SharedLibraryExamplesIT).
 */
class SharedLibraryStepsTest {
    static final Path RESOURCES = Paths.get('src/test/resources/shared-library').toAbsolutePath()

    PipelineHarness harness
    @TempDir
    Path workspace
    List<Map> calls
    Closure behaviour

    @BeforeEach
    void setUp() {
        calls = Collections.synchronizedList(new ArrayList<Map>())
        behaviour = { Map p -> p.returnStatus ? 0 : null }
        harness = new PipelineHarness(jenkinsfiles: RESOURCES, workspace: workspace, jobName: 'team/app')
        harness.stepOverrides.rustCargo = { Map p ->
            calls << (new LinkedHashMap(p) + [_stage: harness.pipelineEnv().STAGE_NAME, _thread: Thread.currentThread().name])
            behaviour.call(p)
        }
    }

    private List<Map> params() {
        return calls.collect { c -> c.findAll { k, v -> !(k as String).startsWith('_') } }
    }

    private Path inWorkspace(String rel) {
        return harness.ctx().cwd.resolve(rel)
    }

    @Test
    void stepsHaveDefaultsAndPassRustCargoParametersThrough() {
        behaviour = { Map p -> p.returnStatus ? 101 : null }
        PipelineRun run = harness.run('steps-defaults.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals([
                [args: 'clippy --all-targets --all-features -- -D warnings'],
                [args: 'clippy -- -W clippy::pedantic', image: 'registry.example.com/rust:1.95', cacheKey: 'lint-key',
                 secretEnv: ['CARGO_REGISTRY_TOKEN'], dir: 'sub', keepFingerprints: false],
                [args: 'fmt --check'],
                [args: 'fmt --check', dir: 'sub', image: 'rust:1.95-bookworm'],
                [args: 'test'],
                [args: 'test --workspace --features a,b -- --nocapture'],
                [args: ['test', '--features', 'x', '--', '--nocapture']],
                [args: 'test', returnStatus: true],
        ], params())
        assertTrue(run.logContains('status=101'), 'returnStatus returns cargo\'s exit code')
    }

    /** What the engine writes for junitReport (its real writer is tested in LibtestReportTest and JunitReportIT). */
    private void writeJunit(String rel, boolean failing) {
        Path xml = inWorkspace(rel)
        Files.createDirectories(xml.parent)
        xml.text = """<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="tiny_core (unittests src/lib.rs)" tests="2" failures="${failing ? 1 : 0}" errors="0" skipped="0">
    <testcase classname="tiny_core.tests" name="renders" time="0.000"/>
    <testcase classname="tiny_core.tests" name="fails_on_purpose" time="0.001">${failing ?
                '<failure message="this test fails on purpose" type="panic">left: 1</failure>' : ''}</testcase>
  </testsuite>
</testsuites>
"""
    }

    @Test
    void theStepsJunitReportIsPublishedWhenTestsFail() {
        behaviour = { Map p ->
            writeJunit(p.junitReport as String, true)
            throw new AbortException('cargo test failed (exit code 101)')
        }
        PipelineRun run = harness.run('junit-libtest.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertEquals('cargo test failed (exit code 101)', run.error.message)
        assertEquals('FAILURE', run.stage('Unit tests').status)
        assertEquals('cargo test failed (exit code 101)', run.stage('Unit tests').errorMessage)
        assertEquals([[args: 'test', junitReport: 'target/rustcargo-reports/Unit-tests/junit.xml']], params())
        assertEquals(['target/rustcargo-reports/Unit-tests/junit.xml'], run.junitReports[0].files)
        Map failed = run.junitReports[0].cases.find { c -> c.name == 'fails_on_purpose' }
        assertEquals([classname: 'tiny_core.tests', status: 'failed', message: 'this test fails on purpose'],
                failed.subMap(['classname', 'status', 'message']))
        assertEquals(2, run.junitReports[0].total)
    }

    @Test
    void aPreviousBuildsReportIsNeverPublishedAndNeverHidesTheFailure() {
        writeStaleReport()
        behaviour = { Map p -> throw new AbortException("image 'Bad' is not a valid image reference") }
        PipelineRun run = harness.run('junit-libtest.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertEquals("image 'Bad' is not a valid image reference", run.error.message)
        assertTrue(run.junitReports.isEmpty(), run.junitReports.toString())
        assertTrue(run.logContains('rustTest: could not publish the JUnit report: Test reports were found but none of them are new'),
                run.text())
    }

    private void writeStaleReport() {
        Path stale = workspace.resolve('target/rustcargo-reports/Unit-tests/junit.xml')
        Files.createDirectories(stale.parent)
        stale.text = '<testsuites/>'
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0))
    }

    @Test
    void aPassingRunInADirPublishesTheReportBesideItsCargoWorkspace() {
        behaviour = { Map p ->
            writeJunit("${p.dir}/${p.junitReport}", false)
            return null
        }
        PipelineRun run = harness.run('junit-dir.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals([[args: 'test --features x', dir: 'sub', junitReport: 'target/rustcargo-reports/Sub-crate-tests/junit.xml']],
                params())
        assertEquals(['sub/target/rustcargo-reports/Sub-crate-tests/junit.xml'], run.junitReports[0].files)
        assertEquals(0, run.junitReports[0].failed)
    }

    @Test
    void withoutJunitNothingIsReported() {
        PipelineRun run = harness.run('steps-defaults.Jenkinsfile')
        assertTrue(run.junitReports.isEmpty())
        assertTrue(params().every { p -> !p.containsKey('junitReport') })
    }

    @Test
    void rustBuildRemovesStaleExportsThenArchivesAndStashesWhatMatched() {
        Path release = workspace.resolve('target/release')
        Files.createDirectories(release)
        release.resolve('old-tool').text = 'from a previous build'
        release.resolve('notes.txt').text = 'not an output'
        Map seen = [:]
        behaviour = { Map p ->
            Path dir = inWorkspace('target/release')
            seen.oldToolAtCall = Files.exists(dir.resolve('old-tool'))
            Files.createDirectories(dir.resolve('deps'))
            dir.resolve('tiny-app').text = '#!/bin/sh\necho hi\n'
            dir.resolve('libtiny_core.rlib').text = 'rlib'
            dir.resolve('deps/tiny_app-0123').text = 'dep'
            return null
        }
        PipelineRun run = harness.run('build.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals([[args: 'build --release --features tiny-app/banner', output: 'release/[^/.]+', requireOutput: true]], params())
        assertFalse(seen.oldToolAtCall as boolean, 'a stale export is removed before cargo runs')
        assertEquals(['target/release/tiny-app'], run.archived.keySet() as List)
        assertEquals(['binaries': ['target/release/tiny-app']], run.stashes)
        assertTrue(run.logContains('exported [target/release/tiny-app]'))
        assertTrue(run.logContains('unstashed: true'))
    }

    @Test
    void rustPipelineRunsLintThenTheOthersInParallelOnOneRustAgent() {
        PipelineRun run = harness.run('pipeline-default.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals(1, run.nodes.size())
        assertEquals('rust', run.nodes[0].label)
        assertEquals(['Lint', 'Test, build and fmt', 'Test', 'Build', 'Fmt'] as Set, run.stages.collect { s -> s.name } as Set)
        run.stages.each { s -> assertEquals('SUCCESS', s.status, s.toString()) }
        assertEquals('Lint', calls[0]._stage)
        assertEquals(['Build', 'Fmt', 'Test'], calls.drop(1).collect { c -> c._stage }.sort())
        assertEquals(3, calls.drop(1).collect { c -> c._thread }.unique().size(), 'the three run on their own branches')
        StageRun lint = run.stage('Lint')
        ['Test', 'Build', 'Fmt'].each { n -> assertTrue(run.stage(n).startNanos > lint.endNanos, "${n} starts after Lint") }
        assertEquals([args: 'build --release', output: 'release/[^/.]+', requireOutput: true],
                calls.find { c -> c._stage == 'Build' }.findAll { k, v -> !(k as String).startsWith('_') })
        assertTrue(run.logContains('rustPipeline: every selected stage passed'))
    }

    @Test
    void rustPipelineOptionsSelectStagesLabelCacheKeysAndHooks() {
        harness.agents = [[name: 'small', labels: ['rust']], [name: 'big-1', labels: ['big']]]
        PipelineRun run = harness.run('pipeline-options.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals('big-1', run.nodes[0].agent)
        assertEquals('SKIPPED', run.stage('Lint').status)
        assertEquals('SKIPPED', run.stage('Build').status)
        assertEquals([[args: 'test --lib', cacheKey: 'team-test', image: 'rust:1.95-bookworm', keepFingerprints: false],
                      [args: 'fmt --check', cacheKey: 'team-fmt', image: 'rust:1.95-bookworm', keepFingerprints: false]] as Set,
                params() as Set)
        assertTrue(run.logContains('hook: always') && run.logContains('hook: success'))
    }

    @Test
    void theAdminsAgentLabelWins() {
        harness.agents = [[name: 'pool-1', labels: ['admin-pool']], [name: 'big-1', labels: ['big']]]
        harness.buildVariables = [RUST_CARGO_AGENT_LABEL: 'admin-pool']
        PipelineRun run = harness.run('pipeline-options.Jenkinsfile')
        assertEquals('SUCCESS', run.result, run.text())
        assertEquals('admin-pool', run.nodes[0].label)
    }

    @Test
    void rustPipelineRejectsUnknownStages() {
        PipelineRun run = harness.run('pipeline-bad-stage.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertEquals('rustPipeline: unknown stage(s) deploy: choose from lint, test, build, fmt', run.error.message)
        assertTrue(calls.isEmpty())
    }

    @Test
    void aFailingParallelStageFailsThePipelineWithCargosMessageAndTheOthersStillRun() {
        behaviour = { Map p ->
            if ((p.args as String).startsWith('build')) {
                throw new AbortException('cargo build failed (exit code 101)')
            }
            return null
        }
        PipelineRun run = harness.run('pipeline-failing-build.Jenkinsfile')
        assertEquals('FAILURE', run.result)
        assertEquals('cargo build failed (exit code 101)', run.error.message)
        assertEquals('FAILURE', run.stage('Build').status)
        assertEquals('SUCCESS', run.stage('Test').status)
        assertEquals('SUCCESS', run.stage('Fmt').status)
        assertTrue(run.logContains('hook: failure (FAILURE)'), run.text())
    }
}

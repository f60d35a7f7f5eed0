package io.jenkins.plugins.rustcargo.pipeline

import io.jenkins.plugins.rustcargo.pipeline.harness.CargoCall
import io.jenkins.plugins.rustcargo.pipeline.harness.JunitReport
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineHarness
import io.jenkins.plugins.rustcargo.pipeline.harness.PipelineRun
import io.jenkins.plugins.rustcargo.testing.RealBuildKit
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

import static org.junit.jupiter.api.Assertions.assertEquals
import static org.junit.jupiter.api.Assertions.assertFalse
import static org.junit.jupiter.api.Assertions.assertTrue

/**
 * Every example in test-jenkinsfiles/, run end to end under CPS (the program saved at every step
 * call): JenkinsPipelineUnit, groovy-cps and the harness stand in for Jenkins, and everything
 * below it is real: vars/ as the global library, rustCargo on the engine, the real buildkitd and
 * image, a copy of the tiny workspace, crates.io.
 *
 * The examples share one cache namespace and job name (so they reuse each other's caches), except
 * the parallel one, which needs empty caches to show that each crate is downloaded once.
 */
class SharedLibraryExamplesIT {
    static final Path EXAMPLES_DIR = Paths.get('test-jenkinsfiles').toAbsolutePath()
    static final List<String> EXAMPLES = ['declarative-single-stage.Jenkinsfile', 'declarative-parallel.Jenkinsfile',
            'scripted.Jenkinsfile', 'release-archive.Jenkinsfile', 'rust-pipeline.Jenkinsfile',
            'custom-toolchain-registry.Jenkinsfile', 'failing-test.Jenkinsfile']

    static String namespace

    @BeforeAll
    static void realDaemon() {
        RealBuildKit.hostEnv()
        namespace = RealBuildKit.freshNamespace('vars-examples')
    }

    static PipelineHarness harness(String ns = namespace) {
        return new PipelineHarness(jenkinsfiles: EXAMPLES_DIR, workspace: rustfmtClean(RealBuildKit.workspace('tiny')),
                namespace: ns, defaultImage: RealBuildKit.image(), jobName: 'rust-cargo-examples')
    }

    /** The examples check formatting; this is the one line of the tiny fixture that rustfmt would wrap. */
    static Path rustfmtClean(Path workspace) {
        Path main = workspace.resolve('tiny-app/src/main.rs')
        String oneLine = '            println!("{} dash-at={:?}", tiny_core::render(7), memchr::memchr(b\'-\', hay));\n'
        String wrapped = '            println!(\n                "{} dash-at={:?}",\n                tiny_core::render(7),\n' +
                '                memchr::memchr(b\'-\', hay)\n            );\n'
        main.text = main.text.replace(oneLine, wrapped)
        return workspace
    }

    /** The result, and proof that the example ran under CPS: its state was saved at every step call. */
    static void assertResult(String expected, PipelineRun run) {
        assertEquals(expected, run.result, "${run}\n${run.text()}")
        assertTrue(run.programSaves > run.cargoCalls.size(), "saved at each step: ${run.programSaves} saves")
    }

    static Map testCase(JunitReport report, String name) {
        Map c = report.cases.find { m -> m.name == name }
        assertTrue(c != null, "no test case ${name} in ${report.cases}")
        return c
    }

    @Test
    void everyExampleIsRunByATestHere() {
        List<String> files = EXAMPLES_DIR.toFile().list().findAll { f -> !f.startsWith('.') }.sort()
        assertEquals(EXAMPLES.sort(), files, 'add a test for each new example in test-jenkinsfiles/')
    }

    @Test
    void declarativeSingleStage() {
        PipelineRun run = harness().run('declarative-single-stage.Jenkinsfile')
        assertResult('SUCCESS', run)
        assertEquals(['test'], run.cargoCalls.collect { c -> c.params.args })
        assertEquals(1, run.junitReports.size())
        assertEquals([classname: 'tiny_core.tests', status: 'passed'],
                testCase(run.junitReports[0], 'renders').subMap(['classname', 'status']))
        assertEquals(0, run.junitReports[0].failed)
    }

    @Test
    void parallelStagesOverlapOnOnePinnedAgentAndDownloadEachCrateOnce() {
        PipelineRun run = harness(RealBuildKit.freshNamespace('vars-parallel')).run('declarative-parallel.Jenkinsfile')
        assertResult('SUCCESS', run)

        assertEquals(1, run.nodes.size(), 'one agent allocation for the whole pipeline')
        assertEquals('rust', run.nodes[0].label)
        run.stages.each { s -> assertEquals(run.nodes[0].id, s.nodeId, "${s.name} ran on the pinned agent") }

        Map<String, CargoCall> byStage = run.cargoCalls.collectEntries { c -> [(c.stage): c] }
        assertEquals(['Build', 'Fmt', 'Lint', 'Test'], byStage.keySet().sort())
        List<CargoCall> branches = ['Test', 'Build', 'Fmt'].collect { n -> byStage[n] }
        branches.each { c -> assertTrue(c.startNanos > byStage.Lint.endNanos, "${c} started after lint finished") }
        branches.each { a ->
            branches.each { b -> assertTrue(a.is(b) || a.overlaps(b), "cargo ran concurrently: ${a} / ${b}") }
        }
        assertEquals(3, run.stages.findAll { s -> s.name in ['Test', 'Build', 'Fmt'] }.collect { s -> s.thread }.unique().size())
        assertEquals(4, run.cargoCalls.collect { c -> c.cacheKey }.unique().size(), 'each stage has its own target cache')

        List<String> downloads = run.cargoCalls.collectMany { c -> c.downloadedCrates() }
        assertEquals(downloads.unique(false), downloads, "no crate downloaded twice: ${downloads}")
        assertTrue(downloads.any { d -> d.startsWith('itoa ') } && downloads.any { d -> d.startsWith('memchr ') },
                "the cold run downloaded itoa and memchr: ${downloads}")
        assertEquals(run.cargoCalls.sum { c -> c.summary.downloaded() }, downloads.size())

        assertEquals(['target/release/tiny-app'], run.archived.keySet() as List)
        assertEquals(1, run.junitReports.size())
    }

    @Test
    void scriptedPipelineWithTheLibraryLoadedImplicitly() {
        PipelineRun run = harness().run('scripted.Jenkinsfile')
        assertResult('SUCCESS', run)
        assertEquals(['Lint', 'Test', 'Release build'], run.stages.collect { s -> s.name })
        assertTrue(run.logContains('Built target/release/tiny-app'), run.text())
        assertTrue(run.logContains('arg=[scripted]'), 'the exported binary ran on the agent')
    }

    @Test
    void releaseBuildArchivesABinaryThatRuns() {
        PipelineRun run = harness().run('release-archive.Jenkinsfile')
        assertResult('SUCCESS', run)
        assertEquals(['target/release/tiny-app'], run.archived.keySet() as List, 'only what output selected')
        Path binary = run.archived['target/release/tiny-app']
        assertTrue(Files.isExecutable(binary))
        Process p = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start()
        String out = p.inputStream.text
        assertEquals(0, p.waitFor())
        assertEquals('value=7 dash-at=Some(4)\n', out)
        Process args = new ProcessBuilder(binary.toString(), 'args', 'from the archive').redirectErrorStream(true).start()
        assertEquals('arg=[from the archive]\n', args.inputStream.text)
    }

    @Test
    void rustPipelineWithOptions() {
        PipelineHarness h = harness()
        Path manifest = h.workspace.resolve('tiny-app/Cargo.toml')
        manifest.text = manifest.text + '\n[features]\n# Used by test-jenkinsfiles/rust-pipeline.Jenkinsfile.\nbanner = []\n'
        PipelineRun run = h.run('rust-pipeline.Jenkinsfile')
        assertResult('SUCCESS', run)
        assertEquals('rust', run.nodes[0].label)
        ['Lint', 'Test', 'Build', 'Fmt'].each { n -> assertEquals('SUCCESS', run.stage(n).status) }
        assertEquals(['tiny-ci-build', 'tiny-ci-fmt', 'tiny-ci-lint', 'tiny-ci-test'],
                run.cargoCalls.collect { c -> c.cacheKey }.sort())
        assertEquals(['build --release --features tiny-app/banner', 'test --features tiny-app/banner'] as Set,
                run.cargoCalls.findAll { c -> c.stage in ['Test', 'Build'] }.collect { c -> c.params.args } as Set)
        run.cargoCalls.each { c -> assertEquals('rust:1-bookworm', c.params.image) }
        assertEquals(['target/release/tiny-app'], run.archived.keySet() as List)
        assertEquals('passed', testCase(run.junitReports[0], 'renders').status)
        assertTrue(run.logContains('rustPipeline: every selected stage passed'))
    }

    @Test
    void customToolchainImageFromAPrivateRegistry() {
        String upstream = System.getenv('RUSTCARGO_REGISTRY_MIRROR') ?: '127.0.0.1:5000'
        RegistryAuthProxy registry = new RegistryAuthProxy(upstream, 'ci-bot', 's3cret-token')
        try {
            PipelineHarness h = harness()
            h.params = [TOOLCHAIN_REGISTRY: registry.address, TOOLCHAIN_IMAGE: 'library/rust:1-bookworm']
            h.credentials = ['toolchain-registry': [username: 'ci-bot', password: 's3cret-token']]
            PipelineRun run = h.run('custom-toolchain-registry.Jenkinsfile')
            assertResult('SUCCESS', run)
            assertEquals(["${registry.address}/library/rust:1-bookworm".toString()], run.cargoCalls.collect { c -> c.params.image })
            assertTrue(registry.requests.any { r -> !r.presented }, "the registry asked for credentials: ${registry.requests}")
            assertTrue(registry.authorized().any { r -> r.path.contains('/manifests/') },
                    "BuildKit fetched the manifest with Jenkins' credentials: ${registry.requests}")
            assertEquals(registry.address, run.dockerLogins[0].host)
            assertFalse(Files.exists(run.dockerLogins[0].config as Path), 'the temporary DOCKER_CONFIG is gone')
            assertFalse(run.logContains('s3cret-token'), 'the password never reaches the log')
            assertEquals('passed', testCase(run.junitReports[0], 'renders').status)
        } finally {
            registry.close()
        }
    }

    @Test
    void aFailingTestFailsThePipelineWithCargosMessage() {
        PipelineRun run = harness().run('failing-test.Jenkinsfile')
        assertResult('FAILURE', run)
        assertEquals('cargo test failed (exit code 101)', run.error.message)
        assertEquals('FAILURE', run.stage('Test').status)
        assertEquals('cargo test failed (exit code 101)', run.stage('Test').errorMessage)
        assertEquals('SKIPPED', run.stage('Build').status)
        assertEquals([101], run.cargoCalls.collect { c -> c.exitCode })
        assertTrue(run.log.contains('ERROR: cargo test failed (exit code 101)'))
        assertTrue(run.logContains('Tests failed, the build is FAILURE'))
        Map failed = testCase(run.junitReports[0], 'fails_on_purpose')
        assertEquals('failed', failed.status)
        assertEquals('assertion `left == right` failed: this test fails on purpose', failed.message)
        assertEquals('passed', testCase(run.junitReports[0], 'renders').status)
    }
}

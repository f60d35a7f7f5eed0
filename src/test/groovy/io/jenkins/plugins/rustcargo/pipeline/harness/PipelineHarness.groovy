package io.jenkins.plugins.rustcargo.pipeline.harness

import static com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration.library
import static com.lesfurets.jenkins.unit.global.lib.LocalSource.localSource

import com.cloudbees.groovy.cps.Continuable
import com.cloudbees.groovy.cps.CpsTransformer
import com.cloudbees.groovy.cps.Outcome
import com.cloudbees.groovy.cps.impl.CpsCallableInvocation
import com.lesfurets.jenkins.unit.PipelineTestHelper
import groovy.json.JsonOutput
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.runtime.InvokerInvocationException

import java.lang.reflect.InvocationTargetException
import java.nio.charset.StandardCharsets
import java.nio.file.FileVisitResult
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.SimpleFileVisitor
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.BasicFileAttributes
import java.util.concurrent.Executors
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.ScheduledFuture
import java.util.concurrent.TimeUnit

/**
 * Runs Jenkinsfiles the way Jenkins would, minus Jenkins: JenkinsPipelineUnit 1.1 compiles the
 * script and loads vars/ as the 'rust-cargo' global library (explicitly with @Library, or
 * implicitly), with groovy-cps' CPS transformation; {@link CpsProgram} runs the result as
 * workflow-cps does, saving the program at every step call. This class adds what 1.1 lacks: the declarative subset ({@link DeclarativeModel}),
 * parallel branches on real threads, timeouts and failFast that really stop branches, results
 * that only get worse, and real steps on a real workspace: sh, dir, withEnv, readFile/writeFile,
 * archiveArtifacts, stash/unstash, junit, withCredentials, withDockerRegistry, and rustCargo on
 * the real engine ({@link RustCargoStep}).
 *
 * One harness runs one build at a time; configure it, then call {@link #run(String)}.
 */
class PipelineHarness {
    /** Where vars/ and test-jenkinsfiles/ live. */
    Path repository = java.nio.file.Paths.get('.').toAbsolutePath().normalize()
    Path jenkinsfiles = repository.resolve('test-jenkinsfiles')
    /** The agent's workspace (the checked-out Rust workspace). */
    Path workspace
    String jobName = 'rust-cargo-examples'
    /** rust-cargo cache namespace for rustCargo calls (the plugin's global setting). */
    String namespace = 'default'
    String defaultImage = 'rust:1-bookworm'
    Map<String, Object> params = [:]
    /** id -> [username:, password:] or [secret:] */
    Map<String, Map> credentials = [:]
    List<Map> agents = [[name: 'rust-agent-1', labels: ['rust', 'linux']]]
    Map<String, String> buildVariables = [:]
    String previousResult
    /** Replaces a step's implementation (by name), e.g. a stub rustCargo for unit tests. */
    Map<String, Closure> stepOverrides = [:]

    PipelineLog console
    CurrentBuild currentBuild
    final RustCargoStep rustCargo = new RustCargoStep(this)

    private final ThreadLocal<Ctx> current = new ThreadLocal<>()
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor { Runnable r ->
        Thread t = new Thread(r, 'pipeline-timeouts')
        t.daemon = true
        return t
    }
    private Path runDir
    private Map<String, Object> runParams
    private Map<String, String> buildEnv
    private List<StageRun> stages
    private List<Map> nodes
    private Map<String, Path> archived
    private Map<String, List<String>> stashes
    private List<JunitReport> junitReports
    private List<Map> dockerLogins
    private boolean pipelineSeen
    private int runs
    /** Set when the program state could not be saved: the build is dead, every later step fails with it. */
    private ProgramStateError programError
    /** How many times the program state was saved (once per step call from CPS code). */
    private final java.util.concurrent.atomic.AtomicInteger programSaves = new java.util.concurrent.atomic.AtomicInteger()

    /** Runs test-jenkinsfiles/<file> to completion and returns what happened. */
    PipelineRun run(String file) {
        Path script = jenkinsfiles.resolve(file)
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no Jenkinsfile ${script}")
        }
        runs++
        runDir = Files.createTempDirectory('pipeline-run-')
        removeOnExit(runDir)
        console = new PipelineLog("[${file}]")
        currentBuild = new CurrentBuild(projectName: jobName)
        runParams = new LinkedHashMap<String, Object>(params)
        buildEnv = defaultBuildVariables()
        buildEnv.putAll(buildVariables)
        stages = Collections.synchronizedList(new ArrayList<StageRun>())
        nodes = Collections.synchronizedList(new ArrayList<Map>())
        archived = Collections.synchronizedMap(new LinkedHashMap<String, Path>())
        stashes = Collections.synchronizedMap(new LinkedHashMap<String, List<String>>())
        junitReports = Collections.synchronizedList(new ArrayList<JunitReport>())
        dockerLogins = Collections.synchronizedList(new ArrayList<Map>())
        rustCargo.calls.clear()
        pipelineSeen = false
        programError = null
        programSaves.set(0)

        PipelineTestHelper helper = newHelper((script.text =~ /(?m)^\s*@Library\(/).find())
        Binding binding = new Binding()
        binding.setVariable('env', new PipelineEnv(this))
        binding.setVariable('params', runParams)
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('scm', [$class: 'GitSCM', note: 'the harness provides the workspace'])
        binding.setVariable('_', null)
        binding.setVariable(PipelineScript.HARNESS, this)

        current.set(new Ctx(flow: new Flow(Thread.currentThread(), null)))
        Throwable error = null
        try {
            CpsProgram.runScript(helper.loadScript(file, binding), this)
        } catch (Throwable t) {
            error = unwrap(t)
            recordFailure(error)
            log(error instanceof AbortException || error instanceof FlowInterruptedException ||
                    error instanceof PipelineError ? "ERROR: ${error.message}" : "ERROR: ${error}")
        } finally {
            current.remove()
        }
        String result = currentBuild.currentResult
        log("Finished: ${result}")
        return new PipelineRun(file: file, result: result, error: error, log: console.lines(),
                stages: new ArrayList<StageRun>(stages), cargoCalls: new ArrayList<CargoCall>(rustCargo.calls),
                nodes: new ArrayList<Map>(nodes), archived: new LinkedHashMap<String, Path>(archived),
                junitReports: new ArrayList<JunitReport>(junitReports), stashes: new LinkedHashMap(stashes),
                dockerLogins: new ArrayList<Map>(dockerLogins), workspace: workspace, params: runParams,
                programSaves: programSaves.get())
    }

    private Map<String, String> defaultBuildVariables() {
        String job = jobName
        return [JOB_NAME: job, JOB_BASE_NAME: job.tokenize('/').last(), BUILD_NUMBER: '1', BUILD_ID: '1',
                BUILD_TAG: "jenkins-${job.replace('/', '-')}-1".toString(), BRANCH_NAME: 'main',
                JENKINS_URL: 'http://jenkins.invalid/', BUILD_URL: "http://jenkins.invalid/job/${job}/1/".toString()]
    }

    /** Deletes a tree without following symbolic links (like Jenkins' deleteDir). */
    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return
        }
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Files.delete(file)
                return FileVisitResult.CONTINUE
            }

            @Override
            FileVisitResult postVisitDirectory(Path dir, IOException e) {
                Files.delete(dir)
                return FileVisitResult.CONTINUE
            }
        })
    }

    static void copyTree(Path from, Path to) {
        Files.walkFileTree(from, new SimpleFileVisitor<Path>() {
            @Override
            FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()))
                return FileVisitResult.CONTINUE
            }

            @Override
            FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES)
                return FileVisitResult.CONTINUE
            }
        })
    }

    /** Run directories (artifacts, stashes, library copy) stay readable after run() for the test's checks. */
    private static final List<Path> RUN_DIRS = Collections.synchronizedList(new ArrayList<Path>())
    static {
        Runtime.runtime.addShutdownHook(new Thread({ -> RUN_DIRS.each { Path d -> deleteTree(d) } } as Runnable))
    }

    private static void removeOnExit(Path dir) {
        RUN_DIRS << dir
    }

    /** The Maven source trees under src/: not part of the library (no package starts with them). */
    static final List<String> MAVEN_SOURCE_TREES = ['main', 'test', 'standins', 'test-jenkins']

    /**
     * Copies the library's classes (repository/src minus the Maven source trees, i.e. src/io/...,
     * which vars/ import) to target. In a library copy, target is its src/, which
     * JenkinsPipelineUnit puts on the script class path, as Jenkins does for a library's classes.
     */
    static void copyLibrarySources(Path repository, Path target) {
        Path src = repository.resolve('src')
        Files.createDirectories(target)
        if (!Files.isDirectory(src)) {
            return
        }
        def stream = Files.list(src)
        try {
            stream.filter { Path p -> Files.isDirectory(p) && !MAVEN_SOURCE_TREES.contains(p.fileName.toString()) }
                    .forEach { Path p -> copyTree(p, target.resolve(p.fileName.toString())) }
        } finally {
            stream.close()
        }
    }

    /**
     * Compiles vars/<name>.groovy of the repository in the working directory as a plain script,
     * with the library's classes on its class path, so that a test can call its @NonCPS helpers
     * directly (no pipeline runs; steps are not available).
     */
    static Script libraryScript(String name, ClassLoader parent) {
        Path repo = java.nio.file.Paths.get('.').toAbsolutePath().normalize()
        Path src = Files.createTempDirectory('pipeline-library-src-')
        removeOnExit(src)
        copyLibrarySources(repo, src)
        CompilerConfiguration config = new CompilerConfiguration()
        config.classpathList = [src.toString()]
        return new GroovyShell(parent, new Binding(), config).parse(repo.resolve("vars/${name}.groovy").toFile())
    }

    private PipelineTestHelper newHelper(boolean explicitLibrary) {
        Path libs = runDir.resolve('libs')
        Path lib = libs.resolve('rust-cargo@master')
        Files.createDirectories(lib)
        copyTree(repository.resolve('vars'), lib.resolve('vars'))
        copyLibrarySources(repository, lib.resolve('src'))
        PipelineTestHelper helper = new PipelineTestHelper()
        helper.scriptRoots = [jenkinsfiles.toString()] as String[]
        helper.baseScriptRoot = jenkinsfiles.toString()
        helper.scriptExtension = 'Jenkinsfile'
        helper.baseClassloader = getClass().classLoader
        helper.scriptBaseClass = PipelineScript
        helper.imports = ['Library': 'com.lesfurets.jenkins.unit.global.lib.Library',
                          'NonCPS' : 'com.cloudbees.groovy.cps.NonCPS']
        helper.registerSharedLibrary(library().name('rust-cargo').defaultVersion('master').allowOverride(true)
                .implicit(!explicitLibrary).retriever(localSource(libs.toString())).targetPath(libs.toString()).build())
        helper.init()
        // Jenkinsfiles, vars/ and the library's classes are compiled as workflow-cps compiles them.
        helper.gse.config.addCompilationCustomizers(new CpsTransformer())
        helper.callStack = Collections.synchronizedList(new ArrayList())
        registerSteps(helper)
        return helper
    }

    // ---- context ------------------------------------------------------------------------------

    Ctx ctx() {
        Ctx c = current.get()
        if (c == null) {
            throw new IllegalStateException('no pipeline is running on this thread')
        }
        return c
    }

    Object within(Ctx c, Closure body) {
        Ctx previous = current.get()
        current.set(c)
        try {
            return CpsProgram.callBody(body)
        } finally {
            current.set(previous)
        }
    }

    Ctx requireWorkspace(String step) {
        Ctx c = ctx()
        if (c.cwd == null) {
            throw new PipelineError("Required context class hudson.FilePath is missing: ${step} must run inside " +
                    'node { } or a stage with an agent')
        }
        return c
    }

    /** The environment a step sees: the agent's, the build's, then the enclosing blocks'. */
    Map<String, String> pipelineEnv() {
        Map<String, String> env = new LinkedHashMap<String, String>(System.getenv())
        env.putAll(buildEnv)
        Ctx c = current.get()
        if (c != null) {
            c.env.each { k, v ->
                if (v == null) {
                    env.remove(k)
                } else {
                    env[k] = v
                }
            }
        }
        return env
    }

    synchronized void setBuildVariable(String name, String value) {
        buildEnv[name] = value
    }

    void log(String text) {
        Ctx c = current.get()
        console.line(c?.flow?.branch, text)
    }

    void log(Ctx c, String text) {
        console.line(c?.flow?.branch, text)
    }

    Map credential(String id) {
        Map c = credentials[id]
        if (c == null) {
            throw new AbortException("Could not find credentials entry with ID '${id}'")
        }
        return c
    }

    // ---- results ------------------------------------------------------------------------------

    static Throwable unwrap(Throwable t) {
        Throwable e = t
        while ((e instanceof InvokerInvocationException || e instanceof InvocationTargetException) && e.cause != null) {
            e = e.cause
        }
        return e
    }

    String resultOf(Throwable t) {
        Throwable e = unwrap(t)
        return e instanceof FlowInterruptedException ? ((FlowInterruptedException) e).result : Results.FAILURE
    }

    /** Marks the build with a failure's result; a branch stopped by failFast does not count. */
    void recordFailure(Throwable t) {
        Throwable e = unwrap(t)
        if (e instanceof FlowInterruptedException && !((FlowInterruptedException) e).actualInterruption) {
            return
        }
        currentBuild.result = resultOf(e)
    }

    void markUnstable(String why) {
        log("WARNING: ${why}")
        currentBuild.result = Results.UNSTABLE
        Ctx c = current.get()
        if (c?.stage != null) {
            c.stage.unstable = true
        }
    }

    void applyParameterDefaults(List<Map> parameters) {
        parameters.each { Map p ->
            if (!runParams.containsKey(p.name)) {
                runParams[p.name as String] = p.defaultValue
            }
        }
    }

    // ---- blocks: node, stage, parallel, timeout, retry, environment ----------------------------

    Object withNode(String label, String customWorkspace, Closure body) {
        Map agent = agents.find { Map a -> label == null || labelMatches(label, a.labels as List<String>) }
        if (agent == null) {
            throw new AbortException("There are no nodes with the label '${label}' (harness agents: ${agents})")
        }
        Ctx parent = ctx()
        String id = "${agent.name}#${nodes.size() + 1}"
        Path ws = customWorkspace ? workspace.resolveSibling(customWorkspace) : workspace
        Files.createDirectories(ws)
        nodes << [id: id, label: label, agent: agent.name, workspace: ws, thread: Thread.currentThread().name,
                  stage: parent.stage?.path]
        log("Running on ${agent.name} in ${ws}")
        Ctx c = parent.copy()
        c.cwd = ws
        c.nodeId = id
        c.env.NODE_NAME = agent.name as String
        c.env.NODE_LABELS = (agent.labels as List).join(' ')
        c.env.WORKSPACE = ws.toString()
        if (parent.stage != null && parent.stage.nodeId == null) {
            parent.stage.nodeId = id
        }
        return within(c, body)
    }

    Object withoutNode(Closure body) {
        Ctx c = ctx().copy()
        c.cwd = null
        c.nodeId = null
        return within(c, body)
    }

    static boolean labelMatches(String expression, List<String> labels) {
        List<String> tokens = (expression =~ /&&|\|\||!|\(|\)|[^\s&|!()]+/).collect { it as String }
        int[] pos = [0] as int[]
        Closure<Boolean> or
        Closure<Boolean> atom
        atom = { ->
            String t = tokens[pos[0]++]
            if (t == '!') {
                return !atom.call()
            }
            if (t == '(') {
                boolean v = or.call()
                pos[0]++
                return v
            }
            return labels.contains(t)
        }
        Closure<Boolean> and = { ->
            boolean v = atom.call()
            while (pos[0] < tokens.size() && tokens[pos[0]] == '&&') {
                pos[0]++
                v = atom.call() && v
            }
            return v
        }
        or = { ->
            boolean v = and.call()
            while (pos[0] < tokens.size() && tokens[pos[0]] == '||') {
                pos[0]++
                v = and.call() || v
            }
            return v
        }
        return or.call()
    }

    /** A stage record around body (which may take the StageRun); STAGE_NAME is set inside. */
    Object withStage(String name, Closure body) {
        Ctx parent = ctx()
        StageRun record = new StageRun(name: name, parentPath: parent.stage?.path,
                path: parent.stage ? "${parent.stage.path}/${name}".toString() : name, branch: parent.flow.branch,
                thread: Thread.currentThread().name, nodeId: parent.nodeId, startNanos: System.nanoTime())
        stages << record
        log("[Pipeline] stage (${name})")
        Ctx c = parent.copy()
        c.stage = record
        c.env.STAGE_NAME = name
        try {
            Object result = within(c) {
                body.maximumNumberOfParameters == 1 ? CpsProgram.callBody(body, record) : CpsProgram.callBody(body)
            }
            if (record.status == 'RUNNING') {
                record.status = record.unstable ? Results.UNSTABLE : Results.SUCCESS
            }
            return result
        } catch (Throwable t) {
            Throwable e = unwrap(t)
            if (record.status == 'RUNNING') {
                record.status = resultOf(e)
                record.errorMessage = e.message
            }
            throw e
        } finally {
            record.endNanos = System.nanoTime()
        }
    }

    void markSkipped(StageRun record, String why) {
        record.status = 'SKIPPED'
        record.skipReason = why
        log("Stage \"${record.name}\" ${why}")
    }

    void skippedStage(String name, String why) {
        Ctx parent = ctx()
        long now = System.nanoTime()
        StageRun record = new StageRun(name: name, parentPath: parent.stage?.path,
                path: parent.stage ? "${parent.stage.path}/${name}".toString() : name, branch: parent.flow.branch,
                thread: Thread.currentThread().name, nodeId: parent.nodeId, startNanos: now, endNanos: now)
        stages << record
        markSkipped(record, why)
    }

    /**
     * Runs branches ([name:, body:]) on their own threads, at the same time, and waits for all of
     * them. The first failure (in time) is rethrown once every branch has ended; with failFast,
     * it stops the other branches first.
     */
    void runParallel(List<Map> branches, boolean failFast) {
        Ctx parent = ctx()
        List<Map> failures = Collections.synchronizedList(new ArrayList<Map>())
        List<Flow> flows = []
        List<Thread> threads = []
        List<Continuable> programs = CpsProgram.chain()
        log("[Pipeline] parallel (${branches.collect { b -> b.name }.join(', ')})")
        branches.each { Map branch ->
            Ctx c = parent.copy()
            Thread thread = new Thread({ ->
                current.set(c)
                CpsProgram.inherit(this, programs)
                try {
                    CpsProgram.callBody(branch.body as Closure)
                } catch (Throwable t) {
                    Throwable e = unwrap(t)
                    failures << [name: branch.name, error: e]
                    if (failFast && !(e instanceof FlowInterruptedException)) {
                        synchronized (flows) {
                            flows.findAll { f -> !f.is(c.flow) }.each { f ->
                                f.stop(new FlowInterruptedException(Results.ABORTED, "Failed in branch ${branch.name}", false))
                            }
                        }
                    }
                } finally {
                    current.remove()
                    CpsProgram.forget()
                }
            } as Runnable, "branch ${branch.name}")
            c.flow = new Flow(thread, branch.name as String)
            synchronized (flows) {
                flows << c.flow
            }
            threads << thread
        }
        threads.each { t -> t.start() }
        FlowInterruptedException stoppedBy = null
        threads.each { Thread t ->
            while (t.isAlive()) {
                try {
                    t.join()
                } catch (InterruptedException e) {
                    stoppedBy = parent.flow.interrupted(e)
                    synchronized (flows) {
                        flows.each { f -> f.stop(stoppedBy) }
                    }
                }
            }
        }
        if (stoppedBy != null) {
            throw stoppedBy
        }
        if (failures) {
            Map first = failures.find { f -> !(f.error instanceof FlowInterruptedException) } ?: failures[0]
            throw first.error
        }
    }

    Object withTimeout(long millis, Closure body) {
        Flow flow = ctx().flow
        FlowInterruptedException why = new FlowInterruptedException(Results.ABORTED, 'Timeout has been exceeded')
        ScheduledFuture timeout = timer.schedule({ ->
            console.line(flow.branch, 'Timeout has been exceeded')
            flow.stop(why)
        } as Runnable, millis, TimeUnit.MILLISECONDS)
        try {
            return CpsProgram.callBody(body)
        } catch (Throwable t) {
            if (flow.stopped() != null && flow.stopped().is(why)) {
                throw why
            }
            throw unwrap(t)
        } finally {
            timeout.cancel(false)
            flow.clear(why)
        }
    }

    Object retry(int count, Closure body) {
        Throwable last = null
        for (int attempt = 1; attempt <= count; attempt++) {
            try {
                return CpsProgram.callBody(body)
            } catch (Throwable t) {
                last = unwrap(t)
                if (last instanceof FlowInterruptedException) {
                    throw last
                }
                log("ERROR: ${last.message}")
                if (attempt < count) {
                    log('Retrying')
                }
            }
        }
        throw last
    }

    Object withEnvironmentBlock(Closure environment, Closure body) {
        Ctx c = ctx().copy()
        return within(c) {
            CpsProgram.callWithDelegate(environment, new EnvironmentBuilder(this), Closure.DELEGATE_FIRST)
            return CpsProgram.callBody(body)
        }
    }

    /** Runs a steps/post/expression block as Jenkins does: as plain pipeline script. */
    Object runBody(Closure block) {
        return CpsProgram.callWithDelegate(block, block.thisObject, Closure.OWNER_FIRST)
    }

    // ---- steps ---------------------------------------------------------------------------------

    private void registerSteps(PipelineTestHelper helper) {
        step(helper, 'pipeline', [Closure]) { Closure body ->
            if (pipelineSeen) {
                throw new PipelineError('Only one pipeline { ... } block can be executed in a single run.')
            }
            pipelineSeen = true
            new DeclarativeRunner(this, DeclarativeModel.parse(body), body.thisObject).run()
        }
        step(helper, 'node', [Closure]) { Closure body -> withNode(null, null, body) }
        step(helper, 'node', [Object, Closure]) { label, Closure body -> withNode(label as String, null, body) }
        step(helper, 'stage', [Object, Closure]) { name, Closure body -> withStage(name as String, body) }
        step(helper, 'parallel', [Map]) { Map branches ->
            boolean failFast = branches.failFast as boolean
            runParallel(branches.findAll { k, v -> k != 'failFast' }.collect { k, v -> [name: k, body: v] }, failFast)
        }
        step(helper, 'script', [Closure]) { Closure body -> CpsProgram.callBody(body) }
        step(helper, 'timestamps', [Closure]) { Closure body -> CpsProgram.callBody(body) }
        step(helper, 'ansiColor', [Object, Closure]) { colorMap, Closure body -> CpsProgram.callBody(body) }
        step(helper, 'timeout', [Object, Closure]) { spec, Closure body ->
            Map m = spec instanceof Map ? spec : [time: spec]
            withTimeout(TimeUnit.valueOf((m.unit ?: 'MINUTES') as String).toMillis(m.time as long), body)
        }
        step(helper, 'retry', [Object, Closure]) { count, Closure body ->
            retry((count instanceof Map ? count.count : count) as int, body)
        }
        step(helper, 'dir', [Object, Closure]) { path, Closure body ->
            Ctx c = requireWorkspace('dir').copy()
            c.cwd = c.cwd.resolve(path as String).normalize()
            Files.createDirectories(c.cwd)
            within(c, body)
        }
        step(helper, 'withEnv', [List, Closure]) { List overrides, Closure body ->
            Ctx c = ctx().copy()
            overrides.each { entry ->
                String text = entry as String
                int eq = text.indexOf('=')
                c.env[text.substring(0, eq)] = text.substring(eq + 1)
            }
            within(c, body)
        }
        step(helper, 'echo', [Object]) { message -> log(message as String) }
        step(helper, 'error', [Object]) { message -> throw new AbortException(message as String) }
        step(helper, 'unstable', [Object]) { message ->
            markUnstable((message instanceof Map ? message.message : message) as String)
        }
        step(helper, 'catchError', [Closure]) { Closure body -> catchError([:], body) }
        step(helper, 'catchError', [Map, Closure]) { Map options, Closure body -> catchError(options, body) }
        step(helper, 'warnError', [Object, Closure]) { message, Closure body ->
            try {
                CpsProgram.callBody(body)
            } catch (Throwable t) {
                Throwable e = unwrap(t)
                if (e instanceof FlowInterruptedException) {
                    throw e
                }
                markUnstable("${message}: ${e.message}")
            }
        }
        step(helper, 'sleep', [Object]) { spec -> sleepNow(spec) }
        step(helper, 'isUnix', []) { -> true }
        step(helper, 'sh', [Object]) { spec -> sh(spec instanceof Map ? spec : [script: spec]) }
        step(helper, 'readFile', [Object]) { spec ->
            String file = spec instanceof Map ? spec.file : spec
            new String(Files.readAllBytes(requireWorkspace('readFile').cwd.resolve(file)), StandardCharsets.UTF_8)
        }
        step(helper, 'writeFile', [Map]) { Map spec ->
            Path file = requireWorkspace('writeFile').cwd.resolve(spec.file as String)
            Files.createDirectories(file.parent)
            Files.write(file, (spec.text as String).getBytes(StandardCharsets.UTF_8))
            null
        }
        step(helper, 'fileExists', [Object]) { spec ->
            Files.exists(requireWorkspace('fileExists').cwd.resolve((spec instanceof Map ? spec.file : spec) as String))
        }
        step(helper, 'deleteDir', []) { ->
            Path dir = requireWorkspace('deleteDir').cwd
            if (Files.exists(dir)) {
                deleteTree(dir)
            }
            null
        }
        step(helper, 'checkout', [Object]) { scm -> log('checkout: the harness has already put the sources in the workspace') }
        step(helper, 'properties', [List]) { List props -> log("properties: ${props.size()} job properties (ignored)") }
        step(helper, 'archiveArtifacts', [Object]) { spec -> archiveArtifacts(spec instanceof Map ? spec : [artifacts: spec]) }
        step(helper, 'stash', [Object]) { spec -> stash(spec instanceof Map ? spec : [name: spec]) }
        step(helper, 'unstash', [Object]) { name -> unstash(name as String) }
        step(helper, 'junit', [Object]) { spec -> junit(spec instanceof Map ? spec : [testResults: spec]) }
        step(helper, 'usernamePassword', [Map]) { Map spec -> [type: 'usernamePassword'] + spec }
        step(helper, 'string', [Map]) { Map spec -> [type: 'string'] + spec }
        step(helper, 'withCredentials', [List, Closure]) { List bindings, Closure body -> withCredentials(bindings, body) }
        step(helper, 'withDockerRegistry', [Map, Closure]) { Map spec, Closure body -> withDockerRegistry(spec, body) }
        step(helper, 'library', [Object]) { spec ->
            throw new PipelineError('the harness loads rust-cargo through @Library or implicitly, not the library step')
        }
        step(helper, 'input', [Object]) { spec -> throw new PipelineError('the harness cannot answer input steps') }
        step(helper, 'rustCargo', [Map]) { Map p -> rustCargo.call(p) }
    }

    /** Registers a step; each call first checks that its flow was not stopped. */
    private void step(PipelineTestHelper helper, String name, List<Class> types, Closure impl) {
        Closure target = stepOverrides[name] ?: impl
        Closure wrapper
        switch (types.size()) {
            case 0:
                wrapper = { -> callStep(name, target, []) }
                break
            case 1:
                wrapper = { a -> callStep(name, target, [a]) }
                break
            default:
                wrapper = { a, b -> callStep(name, target, [a, b]) }
        }
        helper.registerAllowedMethod(name, types, wrapper)
    }

    /**
     * A step call. From CPS code it suspends the program, which {@link CpsProgram} saves before
     * {@link #runSuspendedStep} runs the step; from plain code (the harness's own) it runs at once.
     */
    Object callStep(String name, Closure target, List args) {
        if (programError != null) {
            throw programError
        }
        ctx().flow.check()
        List flat = args.collect { a -> flatten(a) }
        return CpsProgram.running() ? CpsProgram.suspend(name, target, flat) : runStep(target, flat)
    }

    /** Saves the suspended programs (as workflow-cps does at every step), then runs the step. */
    Outcome runSuspendedStep(List<Continuable> programs, CpsProgram.StepCall call) {
        if (programError == null) {
            try {
                ProgramOutput.save(programs, call.name)
                programSaves.incrementAndGet()
            } catch (ProgramStateError e) {
                programError = e
            }
        }
        if (programError != null) {
            return new Outcome(null, programError)
        }
        try {
            return new Outcome(runStep(call.impl, call.args), null)
        } catch (Throwable t) {
            return new Outcome(null, t)
        }
    }

    private static Object runStep(Closure target, List args) {
        try {
            return target.call(*args)
        } catch (Throwable t) {
            throw unwrap(t)
        }
    }

    /** The sleep step (also reached through {@link PipelineScript#sleep}, as closures bypass interception). */
    Object sleep(Object spec) {
        return callStep('sleep', { s -> sleepNow(s) }, [spec])
    }

    private Object sleepNow(Object spec) {
        Map m = spec instanceof Map ? spec : [time: spec]
        try {
            Thread.sleep(TimeUnit.valueOf((m.unit ?: 'SECONDS') as String).toMillis(m.time as long))
        } catch (InterruptedException e) {
            throw ctx().flow.interrupted(e)
        }
        return null
    }

    /** Like workflow-cps' DSL: step arguments reach the step with every GString turned into a String. */
    static Object flatten(Object value) {
        if (value instanceof GString) {
            return value.toString()
        }
        if (value instanceof Map) {
            Map m = new LinkedHashMap()
            ((Map) value).each { k, v -> m[flatten(k)] = flatten(v) }
            return m
        }
        if (value instanceof List) {
            return ((List) value).collect { v -> flatten(v) }
        }
        return value
    }

    private Object catchError(Map options, Closure body) {
        try {
            return CpsProgram.callBody(body)
        } catch (Throwable t) {
            Throwable e = unwrap(t)
            if (e instanceof FlowInterruptedException && options.catchInterruptions == false) {
                throw e
            }
            log("ERROR: ${options.message ?: e.message}")
            String buildResult = (options.buildResult ?: Results.FAILURE) as String
            if (buildResult != Results.SUCCESS) {
                currentBuild.result = buildResult
            }
            String stageResult = (options.stageResult ?: buildResult) as String
            Ctx c = ctx()
            if (c.stage != null && stageResult == Results.UNSTABLE) {
                c.stage.unstable = true
            }
            return null
        }
    }

    private Object sh(Map spec) {
        Ctx c = requireWorkspace('sh')
        String script = spec.script as String
        if (spec.label) {
            log("[Pipeline] sh (${spec.label})")
        }
        ProcessBuilder pb = new ProcessBuilder('sh', '-xe', '-c', script).directory(c.cwd.toFile())
        pb.environment().clear()
        pb.environment().putAll(pipelineEnv())
        boolean captureStdout = spec.returnStdout as boolean
        pb.redirectErrorStream(!captureStdout)
        Process p = pb.start()
        StringBuilder stdout = new StringBuilder()
        Thread stderrPump = null
        if (captureStdout) {
            stderrPump = Thread.start { p.errorStream.eachLine('UTF-8') { l -> log(c, l) } }
            p.inputStream.eachLine('UTF-8') { l -> stdout.append(l).append('\n') }
        } else {
            p.inputStream.eachLine('UTF-8') { l -> log(c, l) }
        }
        int code
        try {
            code = p.waitFor()
            stderrPump?.join()
        } catch (InterruptedException e) {
            p.destroyForcibly()
            throw c.flow.interrupted(e)
        }
        if (spec.returnStatus) {
            return code
        }
        if (code != 0) {
            throw new AbortException("script returned exit code ${code}")
        }
        return captureStdout ? stdout.toString() : null
    }

    /** Ant-style patterns (comma-separated, ** for any depth) against paths relative to dir. */
    static List<String> antFiles(Path dir, String includes, String excludes) {
        List<String> inc = (includes ?: '**').split(',')*.trim().findAll { s -> s }
        List<String> exc = (excludes ?: '').split(',')*.trim().findAll { s -> s }
        if (!Files.isDirectory(dir)) {
            return []
        }
        List<String> found = []
        def stream = Files.walk(dir)
        try {
            stream.filter { Path p -> Files.isRegularFile(p) }.forEach { Path p ->
                String rel = dir.relativize(p).toString().replace(File.separatorChar, '/' as char)
                if (inc.any { pat -> antMatches(pat, rel) } && !exc.any { pat -> antMatches(pat, rel) }) {
                    found << rel
                }
            }
        } finally {
            stream.close()
        }
        return found.sort()
    }

    static boolean antMatches(String pattern, String path) {
        String pat = pattern.endsWith('/') ? pattern + '**' : pattern
        StringBuilder regex = new StringBuilder()
        int i = 0
        while (i < pat.length()) {
            if (pat.startsWith('**/', i)) {
                regex.append('(?:.*/)?')
                i += 3
            } else if (pat.startsWith('**', i)) {
                regex.append('.*')
                i += 2
            } else if (pat.charAt(i) == '*' as char) {
                regex.append('[^/]*')
                i++
            } else if (pat.charAt(i) == '?' as char) {
                regex.append('[^/]')
                i++
            } else {
                regex.append(java.util.regex.Pattern.quote(pat.substring(i, i + 1)))
                i++
            }
        }
        return path ==~ regex.toString()
    }

    private Object archiveArtifacts(Map spec) {
        Ctx c = requireWorkspace('archiveArtifacts')
        List<String> files = antFiles(c.cwd, spec.artifacts as String, spec.excludes as String)
        if (!files) {
            if (spec.allowEmptyArchive) {
                log("No artifacts found that match the file pattern \"${spec.artifacts}\"")
                return null
            }
            throw new AbortException("No artifacts found that match the file pattern \"${spec.artifacts}\". Configuration error?")
        }
        Path artifacts = runDir.resolve('artifacts')
        log("Archiving artifacts: ${files.join(', ')}")
        files.each { String rel ->
            Path target = artifacts.resolve(rel)
            Files.createDirectories(target.parent)
            Files.copy(c.cwd.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
            archived[rel] = target
        }
        return null
    }

    private Object stash(Map spec) {
        Ctx c = requireWorkspace('stash')
        List<String> files = antFiles(c.cwd, spec.includes as String, spec.excludes as String)
        if (!files && !spec.allowEmpty) {
            throw new AbortException("No files included in stash '${spec.name}'")
        }
        Path dir = runDir.resolve('stashes').resolve(spec.name as String)
        deleteTree(dir)
        files.each { String rel ->
            Path target = dir.resolve(rel)
            Files.createDirectories(target.parent)
            Files.copy(c.cwd.resolve(rel), target, StandardCopyOption.COPY_ATTRIBUTES)
        }
        stashes[spec.name as String] = files
        log("Stashed ${files.size()} file(s) as '${spec.name}'")
        return null
    }

    private Object unstash(String name) {
        Ctx c = requireWorkspace('unstash')
        List<String> files = stashes[name]
        if (files == null) {
            throw new AbortException("No such saved stash '${name}'")
        }
        Path dir = runDir.resolve('stashes').resolve(name)
        files.each { String rel ->
            Path target = c.cwd.resolve(rel)
            Files.createDirectories(target.parent)
            Files.copy(dir.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
        }
        return null
    }

    private Object junit(Map spec) {
        Ctx c = requireWorkspace('junit')
        List<String> files = antFiles(c.cwd, spec.testResults as String, null)
        long buildStart = currentBuild.startTimeInMillis - 2000
        List<String> fresh = files.findAll { rel -> Files.getLastModifiedTime(c.cwd.resolve(rel)).toMillis() >= buildStart }
        if (!files) {
            if (spec.allowEmptyResults) {
                log("None of the test reports contained any result (${spec.testResults})")
                return [totalCount: 0, failCount: 0, skipCount: 0, passCount: 0]
            }
            throw new AbortException('No test report files were found. Configuration error?')
        }
        if (!fresh) {
            throw new AbortException("Test reports were found but none of them are new. Did leafNodes run? (${files})")
        }
        JunitReport report = new JunitReport(stage: c.env.STAGE_NAME, files: fresh)
        fresh.each { String rel ->
            def xml = new XmlSlurper().parse(c.cwd.resolve(rel).toFile())
            xml.'**'.findAll { node -> node.name() == 'testcase' }.each { tc ->
                String status = tc.failure.size() || tc.error.size() ? 'failed' : tc.skipped.size() ? 'skipped' : 'passed'
                String message = tc.failure.size() ? tc.failure[0].@message.text() : tc.error.size() ? tc.error[0].@message.text() : null
                report.cases << [classname: tc.@classname.text(), name: tc.@name.text(), status: status, message: message,
                                 text: tc.failure.size() ? tc.failure[0].text() : null]
            }
        }
        junitReports << report
        log("Recording test results: ${report.total} tests, ${report.failed} failed, ${report.skipped} skipped")
        if (report.failed > 0) {
            markUnstable("${report.failed} test(s) failed")
        }
        return [totalCount: report.total, failCount: report.failed, skipCount: report.skipped, passCount: report.passed]
    }

    private Object withCredentials(List bindings, Closure body) {
        Ctx c = ctx().copy()
        bindings.each { Map b ->
            Map credential = credential(b.credentialsId as String)
            if (b.type == 'usernamePassword') {
                console.mask(credential.password as String)
                c.env[b.usernameVariable as String] = credential.username as String
                c.env[b.passwordVariable as String] = credential.password as String
            } else if (b.type == 'string') {
                console.mask(credential.secret as String)
                c.env[b.variable as String] = credential.secret as String
            } else {
                throw new PipelineError("the harness does not support credential binding ${b.type}")
            }
        }
        return within(c, body)
    }

    /**
     * Like docker-workflow: logs in to the registry with the credentials into a temporary
     * DOCKER_CONFIG that the body sees (buildctl, so rustCargo, reads it), removed afterwards.
     */
    private Object withDockerRegistry(Map spec, Closure body) {
        Map registry = spec.registry instanceof Map ? spec.registry as Map : spec
        String url = (registry.url ?: 'https://index.docker.io/v1/') as String
        String host = url.contains('://') ? new URI(url).authority : url.replaceAll('/.*$', '')
        String key = host == 'index.docker.io' ? 'https://index.docker.io/v1/' : host
        Map auth = [:]
        if (registry.credentialsId) {
            Map credential = credential(registry.credentialsId as String)
            console.mask(credential.password as String)
            log("\$ docker login -u ${credential.username} -p ${credential.password} ${url}")
            auth = [auths: [(key): [auth: "${credential.username}:${credential.password}".bytes.encodeBase64().toString()]]]
        }
        Path config = Files.createTempDirectory(runDir, 'docker-config-')
        Files.write(config.resolve('config.json'), JsonOutput.toJson(auth).getBytes(StandardCharsets.UTF_8))
        dockerLogins << [url: url, host: key, credentialsId: registry.credentialsId, config: config]
        Ctx c = ctx().copy()
        c.env.DOCKER_CONFIG = config.toString()
        try {
            return within(c, body)
        } finally {
            deleteTree(config)
        }
    }
}

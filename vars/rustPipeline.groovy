// rustPipeline: a ready-made declarative pipeline (lint, then test, build and fmt in parallel) on
// one pinned agent. Reference: vars/rustPipeline.txt, docs/shared-library.md.
import com.cloudbees.groovy.cps.NonCPS
import groovy.transform.Field

@Field static final List<String> ALL_STAGES = ['lint', 'test', 'build', 'fmt']
/** rustPipeline's own options; the stage names (lint = [...] etc.) are its options too. */
@Field static final List<String> OWN_KEYS = ['label', 'stages', 'features', 'output', 'archive', 'stash', 'junit',
        'timeoutMinutes', 'cacheKey', 'post']
@Field static final List<String> POST_CONDITIONS = ['always', 'success', 'unstable', 'failure', 'aborted', 'cleanup']
@Field static final String LABEL_VARIABLE = 'RUST_CARGO_AGENT_LABEL'
@Field static final String DEFAULT_LABEL = 'rust'
@Field static final String LIST_SEPARATOR = ', '

/**
 * rustPipeline { image = 'rust:1-bookworm'; stages = ['lint', 'test'] }
 * The block assigns options. It reads env, params and currentBuild as usual (a plain map as
 * delegate would answer null for them, in the block and in the post hooks it defines).
 */
def call(Closure body) {
    Map config = [:]
    config.putAll(pipelineGlobals())    // stays in the delegate: hooks defined in the block run later
    body.resolveStrategy = Closure.DELEGATE_FIRST
    body.delegate = config
    body()
    Map options = [:]
    options.putAll(config)
    options.keySet().removeAll(pipelineGlobals().keySet())
    call(options)
}

/** rustPipeline(image: 'rust:1-bookworm', stages: ['lint', 'test']) */
def call(Map config = [:]) {
    Map plan = pipelinePlan(config)
    if (plan.problem) {
        error("rustPipeline: ${plan.problem}")
    }
    String agentLabel = chooseAgentLabel(plan.label as String)
    int minutes = plan.minutes as int
    Map stepOptions = plan.steps
    Map hooks = plan.hooks
    echo "rustPipeline: stages ${plan.selected.join(LIST_SEPARATOR)} on an agent labelled '${agentLabel}'"

    pipeline {
        agent { label agentLabel }
        options { timeout(time: minutes, unit: 'MINUTES') }
        stages {
            stage('Lint') {
                when { expression { stepOptions.lint != null } }
                steps { rustLint(stepOptions.lint) }
            }
            stage('Test, build and fmt') {
                parallel {
                    stage('Test') {
                        when { expression { stepOptions.test != null } }
                        steps { rustTest(stepOptions.test) }
                    }
                    stage('Build') {
                        when { expression { stepOptions.build != null } }
                        steps { rustBuild(stepOptions.build) }
                    }
                    stage('Fmt') {
                        when { expression { stepOptions.fmt != null } }
                        steps { rustFmt(stepOptions.fmt) }
                    }
                }
            }
        }
        post {
            always { runHook(hooks.always) }
            success {
                echo 'rustPipeline: every selected stage passed'
                runHook(hooks.success)
            }
            unstable {
                echo 'rustPipeline: UNSTABLE: some tests failed, see the test results'
                runHook(hooks.unstable)
            }
            failure {
                echo 'rustPipeline: FAILURE: the stage that failed ends with the cause, such as "cargo test failed"'
                runHook(hooks.failure)
            }
            aborted { runHook(hooks.aborted) }
            cleanup { runHook(hooks.cleanup) }
        }
    }
}

/**
 * The admin's choice wins: RUST_CARGO_AGENT_LABEL (a global environment variable, or exported by
 * the rust-cargo plugin from its global configuration), then the label option, then 'rust'.
 */
String chooseAgentLabel(String label) {
    String admin = env[LABEL_VARIABLE]
    if (admin?.trim()) {
        return admin.trim()
    }
    return label?.trim() ? label.trim() : DEFAULT_LABEL
}

void runHook(Closure hook) {
    if (hook != null) {
        hook()
    }
}

private Map pipelineGlobals() {
    return [env: env, params: params, currentBuild: currentBuild]
}

/** Defaults, validation and each stage's step options, computed before the pipeline starts. */
@NonCPS
private Map pipelinePlan(Map config) {
    Map cfg = [stages: ALL_STAGES, output: 'release/[^/.]+', archive: true, junit: true, timeoutMinutes: 60]
    cfg.putAll(config)
    List<String> selected = stageList(cfg.stages)
    String problem = configProblem(cfg, selected)
    return [problem: problem, selected: selected, label: cfg.label, minutes: cfg.timeoutMinutes,
            steps: problem ? [:] : stepParams(cfg, selected), hooks: cfg.post ?: [:]]
}

@NonCPS
private List<String> stageList(stages) {
    if (stages instanceof Collection) {
        return stages.collect { s -> (s as String).trim().toLowerCase() }
    }
    return (stages as String ?: '').split(/[\s,]+/).findAll { s -> s }*.toLowerCase()
}

@NonCPS
private String configProblem(Map cfg, List<String> selected) {
    List<String> unknown = selected.findAll { s -> !ALL_STAGES.contains(s) }
    if (unknown) {
        return "unknown stage(s) ${unknown.join(LIST_SEPARATOR)}: choose from ${ALL_STAGES.join(LIST_SEPARATOR)}"
    }
    if (cfg.post != null && !(cfg.post instanceof Map)) {
        return 'post must be a map of condition to closure, such as [failure: { ... }]'
    }
    List<String> conditions = cfg.post ? cfg.post.keySet().collect { k -> k as String } : []
    List<String> badConditions = conditions.findAll { c -> !POST_CONDITIONS.contains(c) }
    if (badConditions) {
        return "unknown post condition(s) ${badConditions.join(LIST_SEPARATOR)}: " +
                "choose from ${POST_CONDITIONS.join(LIST_SEPARATOR)}"
    }
    List<String> badHooks = conditions.findAll { c -> !(cfg.post[c] instanceof Closure) }
    if (badHooks) {
        return "post ${badHooks.join(LIST_SEPARATOR)} must be a closure"
    }
    List<String> notMaps = ALL_STAGES.findAll { s -> cfg[s] != null && !(cfg[s] instanceof Map) }
    return notMaps ? "${notMaps.join(LIST_SEPARATOR)} must be a map of step options, such as test = [junit: false]" :
            null
}

/**
 * Each selected stage's step options: the rustCargo options common to all stages, the stage's own
 * options from rustPipeline's, then the team's per-stage overrides (lint/test/build/fmt maps).
 * Stages that are not selected are absent.
 */
@NonCPS
private Map stepParams(Map cfg, List<String> selected) {
    Map own = [
            lint: [:],
            test: [junit: cfg.junit, features: cfg.features],
            build: [output: cfg.output, archive: cfg.archive, stash: cfg.stash, features: cfg.features],
            fmt: [:],
    ]
    Map common = cfg.findAll { key, value ->
        !OWN_KEYS.contains(key as String) && !ALL_STAGES.contains(key as String) && value != null
    }
    Map steps = [:]
    selected.each { String stage ->
        Map params = [:]
        params.putAll(common)
        if (cfg.cacheKey) {
            params.cacheKey = "${cfg.cacheKey}-${stage}".toString()
        }
        params.putAll(own[stage].findAll { key, value -> value != null })
        if (cfg[stage]) {
            params.putAll(cfg[stage] as Map)
        }
        steps[stage] = params
    }
    return steps
}

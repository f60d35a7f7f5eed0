package io.jenkins.plugins.rustcargo.pipeline.harness

import java.util.concurrent.TimeUnit

/**
 * Runs a {@link DeclarativeModel} with Declarative's semantics: options wrap the agent, the agent
 * wraps environment, when and the stage body; a failing stage marks the build FAILURE, runs its
 * own post, and skips the stages after it; parallel stages run as concurrent branches; post
 * conditions run in Declarative's fixed order, each on the result at that point.
 */
class DeclarativeRunner {
    private final PipelineHarness h
    private final DeclarativeModel model
    private final Object script
    private boolean failFastAll
    private boolean skipAfterUnstable

    DeclarativeRunner(PipelineHarness harness, DeclarativeModel model, Object script) {
        this.h = harness
        this.model = model
        this.script = script
    }

    void run() {
        h.applyParameterDefaults(model.parameters)
        failFastAll = model.options.any { o -> o.name == 'parallelsAlwaysFailFast' }
        skipAfterUnstable = model.options.any { o -> o.name == 'skipStagesAfterUnstable' }
        withOptions(model.options) {
            withAgent(model.agent) {
                withEnvironment(model.environment) {
                    Throwable failure = null
                    try {
                        runStages(model.stages)
                    } catch (Throwable t) {
                        failure = t
                        h.recordFailure(t)
                    }
                    Throwable postFailure = runPost(model.post, { -> h.currentBuild.currentResult }, 'pipeline')
                    if (failure != null) {
                        throw failure
                    }
                    if (postFailure != null) {
                        throw postFailure
                    }
                }
            }
        }
    }

    private void runStages(List<StageModel> stages) {
        for (int i = 0; i < stages.size(); i++) {
            StageModel stage = stages[i]
            if (skipAfterUnstable && h.currentBuild.currentResult == Results.UNSTABLE) {
                skip(stage, 'skipped due to earlier stage(s) marking the build as unstable')
                continue
            }
            try {
                runStage(stage)
            } catch (Throwable t) {
                stages.drop(i + 1).each { StageModel later -> skip(later, 'skipped due to earlier failure(s)') }
                throw t
            }
        }
    }

    private void skip(StageModel stage, String why) {
        h.skippedStage(stage.name, why)
    }

    private void runStage(StageModel stage) {
        h.withStage(stage.name) { StageRun record ->
            WhenModel when = stage.when
            boolean early = when != null && (when.beforeAgent || when.beforeOptions)
            if (early && !evaluate(when.conditions)) {
                h.markSkipped(record, 'skipped due to when conditional')
                return
            }
            withOptions(stage.options) {
                withAgent(stage.agent) {
                    withEnvironment(stage.environment) {
                        if (when != null && !early && !evaluate(when.conditions)) {
                            h.markSkipped(record, 'skipped due to when conditional')
                            return
                        }
                        runStageBody(stage, record)
                    }
                }
            }
        }
    }

    private void runStageBody(StageModel stage, StageRun record) {
        Throwable failure = null
        try {
            if (stage.steps != null) {
                h.runBody(stage.steps)
            } else if (stage.parallel != null) {
                List<Map> branches = stage.parallel.collect { StageModel child ->
                    [name: child.name, body: { -> runStage(child) }]
                }
                h.runParallel(branches, stage.failFast || failFastAll)
            } else {
                runStages(stage.stages)
            }
        } catch (Throwable t) {
            failure = t
            h.recordFailure(t)
        }
        String stageResult = failure != null ? h.resultOf(failure) : record.unstable ? Results.UNSTABLE : Results.SUCCESS
        Throwable postFailure = runPost(stage.post, { -> stageResult }, "stage '${stage.name}'")
        if (failure != null) {
            throw failure
        }
        if (postFailure != null) {
            throw postFailure
        }
    }

    private Throwable runPost(Map<String, Closure> post, Closure<String> result, String where) {
        if (!post) {
            return null
        }
        Throwable first = null
        for (String condition : DeclarativeModel.POST_ORDER) {
            Closure body = post[condition]
            if (body == null || !meets(condition, result.call())) {
                continue
            }
            h.log("[Pipeline] post (${where}): ${condition}")
            try {
                h.runBody(body)
            } catch (Throwable t) {
                h.log("Error when executing ${condition} post condition: ${t.message}")
                h.recordFailure(t)
                first = first ?: t
            }
        }
        return first
    }

    private boolean meets(String condition, String result) {
        String previous = h.previousResult
        switch (condition) {
            case 'always':
            case 'cleanup':
                return true
            case 'changed':
                return previous == null || previous != result
            case 'fixed':
                return previous in [Results.FAILURE, Results.UNSTABLE] && result == Results.SUCCESS
            case 'regression':
                return previous == Results.SUCCESS && result in [Results.FAILURE, Results.UNSTABLE, Results.ABORTED]
            case 'aborted':
                return result == Results.ABORTED
            case 'failure':
                return result == Results.FAILURE
            case 'success':
                return result == Results.SUCCESS
            case 'unstable':
                return result == Results.UNSTABLE
            case 'unsuccessful':
                return result != Results.SUCCESS
            default:
                throw new PipelineError("unknown post condition ${condition}")
        }
    }

    private boolean evaluate(List<Map> conditions) {
        return conditions.every { Map c -> evaluate(c) }
    }

    private boolean evaluate(Map c) {
        Map<String, String> env = h.pipelineEnv()
        switch (c.type) {
            case 'branch':
                return env.BRANCH_NAME != null && matches(env.BRANCH_NAME, c.pattern as String, c.comparator as String)
            case 'tag':
                return env.TAG_NAME != null && matches(env.TAG_NAME, c.pattern as String, null)
            case 'changeRequest':
                return env.CHANGE_ID != null
            case 'environment':
                return env[c.name as String] == (c.value as String)
            case 'expression':
                return h.runBody((Closure) c.closure) as boolean
            case 'not':
                if (c.nested.size() != 1) {
                    throw new PipelineError('not { } takes exactly one condition')
                }
                return !evaluate(c.nested as List<Map>)
            case 'allOf':
                return evaluate(c.nested as List<Map>)
            case 'anyOf':
                return (c.nested as List<Map>).any { Map n -> evaluate(n) }
            default:
                throw new PipelineError("unknown when condition ${c.type}")
        }
    }

    private static boolean matches(String value, String pattern, String comparator) {
        switch (comparator ?: 'GLOB') {
            case 'EQUALS':
                return value == pattern
            case 'REGEXP':
                return value ==~ pattern
            default:
                String regex = pattern.collect { ch -> ch == '*' ? '.*' : ch == '?' ? '.' : java.util.regex.Pattern.quote(ch) }.join('')
                return value ==~ regex
        }
    }

    private void withAgent(Map agent, Closure body) {
        if (agent == null) {
            body.call()
        } else if (agent.type == 'none') {
            h.withoutNode(body)
        } else {
            h.withNode(agent.type == 'any' ? null : agent.label as String, agent.customWorkspace as String, body)
        }
    }

    private void withEnvironment(Closure environment, Closure body) {
        if (environment == null) {
            body.call()
            return
        }
        h.withEnvironmentBlock(environment, body)
    }

    private void withOptions(List<Map> options, Closure body) {
        Closure wrapped = body
        Map retry = options.find { o -> o.name == 'retry' }
        if (retry != null) {
            Closure inner = wrapped
            int count = retry.args[0] instanceof Map ? (retry.args[0].count as int) : (retry.args[0] as int)
            wrapped = { -> h.retry(count, inner) }
        }
        Map timeout = options.find { o -> o.name == 'timeout' }
        if (timeout != null) {
            Closure inner = wrapped
            Map args = timeout.args[0] instanceof Map ? timeout.args[0] as Map : [time: timeout.args[0]]
            long millis = TimeUnit.valueOf((args.unit ?: 'MINUTES') as String).toMillis(args.time as long)
            wrapped = { -> h.withTimeout(millis, inner) }
        }
        wrapped.call()
    }
}

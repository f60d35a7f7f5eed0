package io.jenkins.plugins.rustcargo.pipeline.harness

/**
 * The declarative subset the harness understands, read from a pipeline { } block the way
 * Declarative's parser reads it: directive closures run once, at once, against builders; the
 * closures of steps, expression, environment and post conditions are kept to run later.
 *
 * Supported: pipeline, agent (any, none, label, node { label; customWorkspace }), environment
 * (with credentials()), options, parameters, stages, stage, steps, script, parallel, failFast,
 * nested stages, when (branch, environment, expression, not, allOf, anyOf, tag, buildingTag,
 * changeRequest, beforeAgent, beforeOptions), post (always, changed, fixed, regression, aborted,
 * failure, success, unstable, unsuccessful, cleanup). Anything else is rejected with a message.
 */
class DeclarativeModel {
    static final Object ANY = new Object() { String toString() { 'any' } }
    static final Object NONE = new Object() { String toString() { 'none' } }
    static final List<String> POST_ORDER = ['always', 'changed', 'fixed', 'regression', 'aborted', 'failure',
            'success', 'unstable', 'unsuccessful', 'cleanup']
    static final List<String> OPTIONS = ['timeout', 'retry', 'timestamps', 'ansiColor', 'buildDiscarder', 'logRotator',
            'disableConcurrentBuilds', 'skipDefaultCheckout', 'skipStagesAfterUnstable', 'parallelsAlwaysFailFast',
            'preserveStashes', 'quietPeriod', 'durabilityHint', 'checkoutToSubdirectory', 'disableResume',
            'newContainerPerStage', 'overrideIndexTriggers']

    Map agent
    Closure environment
    List<Map> options = []
    List<Map> parameters = []
    List<StageModel> stages
    Map<String, Closure> post = [:]

    static DeclarativeModel parse(Closure body) {
        PipelineBuilder builder = new PipelineBuilder()
        run(body, builder)
        DeclarativeModel model = builder.model
        if (model.agent == null) {
            throw new PipelineError('Missing required section "agent" in pipeline { }')
        }
        if (model.stages == null) {
            throw new PipelineError('Missing required section "stages" in pipeline { }')
        }
        return model
    }

    static void run(Closure body, Object builder) {
        CpsProgram.callWithDelegate(body, builder, Closure.DELEGATE_FIRST)
    }

    static Map agentOf(Object value) {
        if (value.is(ANY)) {
            return [type: 'any']
        }
        if (value.is(NONE)) {
            return [type: 'none']
        }
        if (value instanceof Closure) {
            AgentBuilder a = new AgentBuilder()
            run((Closure) value, a)
            if (a.agent == null) {
                throw new PipelineError('agent { } needs label or node { label ... }')
            }
            return a.agent
        }
        throw new PipelineError("agent ${value} is not supported: use any, none, or { label '...' }")
    }
}

class StageModel {
    String name
    Map agent
    Closure environment
    List<Map> options = []
    WhenModel when
    Closure steps
    List<StageModel> parallel
    boolean failFast
    List<StageModel> stages
    Map<String, Closure> post = [:]
}

class WhenModel {
    List<Map> conditions = []
    boolean beforeAgent
    boolean beforeOptions
}

/** Directive names common to pipeline and stage; the rest fail like Declarative's validator. */
abstract class SectionBuilder {
    def propertyMissing(String name) {
        if (name == 'any') {
            return DeclarativeModel.ANY
        }
        if (name == 'none') {
            return DeclarativeModel.NONE
        }
        throw new MissingPropertyException(name, getClass())
    }

    def tools(Closure c) { unsupported('tools') }

    def input(Object c) { unsupported('input') }

    def matrix(Closure c) { unsupported('matrix') }

    def triggers(Closure c) { unsupported('triggers') }

    def libraries(Closure c) { unsupported('libraries') }

    /** What Declarative's validator says about anything else in this section. */
    abstract String unknown(String name)

    def methodMissing(String name, Object args) {
        throw new PipelineError(unknown(name))
    }

    static void unsupported(String what) {
        throw new PipelineError("the pipeline harness does not support '${what}' (tests/docs: src/test/groovy/.../harness)")
    }

    static List<Map> parseOptions(Closure c) {
        OptionsBuilder o = new OptionsBuilder()
        DeclarativeModel.run(c, o)
        return o.options
    }

    static Map<String, Closure> parsePost(Closure c) {
        PostBuilder p = new PostBuilder()
        DeclarativeModel.run(c, p)
        return p.conditions
    }
}

class PipelineBuilder extends SectionBuilder {
    DeclarativeModel model = new DeclarativeModel()

    String unknown(String name) { "Undefined section \"${name}\" in pipeline { }" }

    def agent(Object value) { model.agent = DeclarativeModel.agentOf(value) }

    def environment(Closure c) { model.environment = c }

    def options(Closure c) { model.options = parseOptions(c) }

    def parameters(Closure c) {
        ParametersBuilder p = new ParametersBuilder()
        DeclarativeModel.run(c, p)
        model.parameters = p.parameters
    }

    def stages(Closure c) {
        StagesBuilder s = new StagesBuilder()
        DeclarativeModel.run(c, s)
        model.stages = s.stages
    }

    def post(Closure c) { model.post = parsePost(c) }
}

class StagesBuilder {
    List<StageModel> stages = []
    /** The stages of a parallel block: each is a branch, which may not hold a parallel itself. */
    boolean branches

    def stage(String name, Closure body) {
        StageBuilder b = new StageBuilder(name, branches)
        DeclarativeModel.run(body, b)
        stages << b.validated()
    }

    def methodMissing(String name, Object args) {
        throw new PipelineError("Expected a stage, found \"${name}\" in stages { } or parallel { }")
    }
}

class StageBuilder extends SectionBuilder {
    StageModel stage
    final boolean parallelBranch

    StageBuilder(String name, boolean parallelBranch) {
        stage = new StageModel(name: name)
        this.parallelBranch = parallelBranch
    }

    /** A step called directly in a stage (not in steps { }) lands here too, as in Declarative. */
    String unknown(String name) {
        "Unknown stage section \"${name}\" in stage '${stage.name}'. Steps in a stage must be in a 'steps' block."
    }

    def agent(Object value) { stage.agent = DeclarativeModel.agentOf(value) }

    def environment(Closure c) { stage.environment = c }

    def options(Closure c) { stage.options = parseOptions(c) }

    def when(Closure c) {
        WhenBuilder w = new WhenBuilder()
        DeclarativeModel.run(c, w)
        stage.when = new WhenModel(conditions: w.conditions, beforeAgent: w.beforeAgent, beforeOptions: w.beforeOptions)
    }

    def steps(Closure c) { stage.steps = c }

    def failFast(boolean value) { stage.failFast = value }

    def parallel(Closure c) {
        if (parallelBranch) {
            throw new PipelineError("stage '${stage.name}' is a parallel branch: parallel stages or branches can only " +
                    'be included in a top-level stage')
        }
        StagesBuilder s = new StagesBuilder(branches: true)
        DeclarativeModel.run(c, s)
        stage.parallel = s.stages
    }

    def stages(Closure c) {
        StagesBuilder s = new StagesBuilder()
        DeclarativeModel.run(c, s)
        stage.stages = s.stages
    }

    def post(Closure c) { stage.post = parsePost(c) }

    StageModel validated() {
        int bodies = [stage.steps, stage.parallel, stage.stages].count { b -> b != null }
        if (bodies == 0) {
            throw new PipelineError("Nothing to execute within stage '${stage.name}'")
        }
        if (bodies > 1) {
            throw new PipelineError("Only one of 'parallel', 'stages' or 'steps' allowed for stage '${stage.name}'")
        }
        return stage
    }
}

class AgentBuilder {
    Map agent

    def label(String label) { agent = [type: 'label', label: label] }

    def node(Closure c) {
        NodeBuilder n = new NodeBuilder()
        DeclarativeModel.run(c, n)
        agent = [type: 'label', label: n.label, customWorkspace: n.customWorkspace]
    }

    def docker(Object ignored) { SectionBuilder.unsupported('agent { docker }') }

    def dockerfile(Object ignored) { SectionBuilder.unsupported('agent { dockerfile }') }

    def kubernetes(Object ignored) { SectionBuilder.unsupported('agent { kubernetes }') }
}

class NodeBuilder {
    String label
    String customWorkspace

    def label(String value) { label = value }

    def customWorkspace(String value) { customWorkspace = value }
}

class OptionsBuilder {
    List<Map> options = []

    def methodMissing(String name, Object args) {
        if (!DeclarativeModel.OPTIONS.contains(name)) {
            throw new PipelineError("Invalid option type \"${name}\". Valid option types: ${DeclarativeModel.OPTIONS}")
        }
        Map option = [name: name, args: (args as List)]
        if (name != 'logRotator') {
            options << option
        }
        return option
    }
}

class ParametersBuilder {
    List<Map> parameters = []

    def string(Map p) { parameters << [type: 'string', name: p.name, defaultValue: p.defaultValue ?: ''] }

    def text(Map p) { parameters << [type: 'text', name: p.name, defaultValue: p.defaultValue ?: ''] }

    def password(Map p) { parameters << [type: 'password', name: p.name, defaultValue: p.defaultValue ?: ''] }

    def booleanParam(Map p) { parameters << [type: 'boolean', name: p.name, defaultValue: p.defaultValue as boolean] }

    def choice(Map p) {
        List choices = p.choices instanceof Collection ? p.choices as List : (p.choices as String).split('\n') as List
        parameters << [type: 'choice', name: p.name, defaultValue: choices ? choices[0] : '']
    }
}

class WhenBuilder {
    List<Map> conditions = []
    boolean beforeAgent
    boolean beforeOptions

    def branch(String pattern) { conditions << [type: 'branch', pattern: pattern] }

    def branch(Map p) { conditions << [type: 'branch', pattern: p.pattern, comparator: p.comparator] }

    def tag(String pattern) { conditions << [type: 'tag', pattern: pattern] }

    def buildingTag() { conditions << [type: 'tag', pattern: '*'] }

    def changeRequest(Map ignored = [:]) { conditions << [type: 'changeRequest'] }

    def environment(Map p) { conditions << [type: 'environment', name: p.name, value: p.value] }

    def expression(Closure c) { conditions << [type: 'expression', closure: c] }

    def not(Closure c) { conditions << [type: 'not', nested: nested(c)] }

    def allOf(Closure c) { conditions << [type: 'allOf', nested: nested(c)] }

    def anyOf(Closure c) { conditions << [type: 'anyOf', nested: nested(c)] }

    def beforeAgent(boolean value) { beforeAgent = value }

    def beforeOptions(boolean value) { beforeOptions = value }

    def beforeInput(boolean value) { }

    private static List<Map> nested(Closure c) {
        WhenBuilder w = new WhenBuilder()
        DeclarativeModel.run(c, w)
        return w.conditions
    }
}

class PostBuilder {
    Map<String, Closure> conditions = [:]

    def methodMissing(String name, Object args) {
        if (!DeclarativeModel.POST_ORDER.contains(name)) {
            throw new PipelineError("The 'post' section has an invalid condition \"${name}\". Valid conditions are ${DeclarativeModel.POST_ORDER}")
        }
        List list = args as List
        if (list.size() != 1 || !(list[0] instanceof Closure)) {
            throw new PipelineError("post condition ${name} takes a block: ${name} { ... }")
        }
        conditions[name] = (Closure) list[0]
        return null
    }
}

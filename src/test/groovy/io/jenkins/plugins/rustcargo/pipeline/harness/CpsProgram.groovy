package io.jenkins.plugins.rustcargo.pipeline.harness

import com.cloudbees.groovy.cps.Continuable
import com.cloudbees.groovy.cps.Continuation
import com.cloudbees.groovy.cps.Envs
import com.cloudbees.groovy.cps.Outcome
import com.cloudbees.groovy.cps.impl.CpsCallableInvocation

/**
 * Runs CPS-transformed pipeline code (Jenkinsfiles and vars/, compiled with groovy-cps'
 * CpsTransformer) the way workflow-cps does, minus Jenkins: every step call suspends the
 * program; before the step runs, the program state is written with Java serialization
 * ({@link ProgramOutput}), as workflow-cps saves it at each step; then the step runs and the
 * program resumes with its result or its exception.
 *
 * A body (node, stage, dir, a parallel branch, ...) runs as a nested program on the thread of
 * the step that runs it, while the enclosing programs wait, suspended in that step. What is
 * saved at a step is the chain of programs of its thread: the body's, and every enclosing one up
 * to the Jenkinsfile (a parallel branch inherits its parent's chain).
 */
final class CpsProgram {
    /** The suspended programs that enclose the running one, outermost first. */
    private static final ThreadLocal<List<Continuable>> CHAIN = ThreadLocal.withInitial { -> [] as List<Continuable> }
    /** True while the interpreter runs CPS code on this thread (not while a step runs). */
    private static final ThreadLocal<Boolean> INTERPRETING = ThreadLocal.withInitial { -> false }
    /** The harness whose steps the programs of this thread call. */
    private static final ThreadLocal<PipelineHarness> HARNESS = new ThreadLocal<>()

    /** What a suspended program asks for: run this step. */
    static final class StepCall implements Serializable {
        private static final long serialVersionUID = 1L
        final String name
        final transient Closure impl
        final transient List args

        StepCall(String name, Closure impl, List args) {
            this.name = name
            this.impl = impl
            this.args = args
        }
    }

    /** The step this thread is suspending for: the call the interpreter expects to be caught. */
    private static final ThreadLocal<String> SUSPENDING = new ThreadLocal<>()

    static {
        // groovy-cps notices when the method the interpreter called is not the one whose CPS code
        // it caught: CPS code (or a step) called from a @NonCPS method, whose own result is then
        // lost. Jenkins logs a warning; the harness fails the call, so such library code cannot pass.
        CpsCallableInvocation.registerMismatchHandler({ Object expectedReceiver, String expectedMethod,
                Object actualReceiver, String actualMethod ->
            if (!expected(expectedMethod, actualReceiver, actualMethod)) {
                String caught = actualReceiver == null ? 'a step (steps cannot run in @NonCPS code)' :
                        "${actualReceiver.getClass().name}.${actualMethod} (CPS code called from @NonCPS code)"
                throw new PipelineError("expected to call ${expectedReceiver.getClass().name}.${expectedMethod} but " +
                        "wound up catching ${caught}")
            }
        } as CpsCallableInvocation.MismatchHandler)
    }

    /** A step suspending the program, or a library variable's call method: the calls Jenkins expects. */
    private static boolean expected(String expectedMethod, Object actualReceiver, String actualMethod) {
        if (actualReceiver == null) {
            return expectedMethod == SUSPENDING.get()
        }
        return actualMethod == 'call' && actualReceiver instanceof Script
    }

    private CpsProgram() {
    }

    /** True when CPS code runs on this thread, so that a step must suspend it. */
    static boolean running() {
        return INTERPRETING.get()
    }

    static List<Continuable> chain() {
        return new ArrayList<Continuable>(CHAIN.get())
    }

    static PipelineHarness harness() {
        return HARNESS.get()
    }

    /** For a parallel branch's thread: the harness and programs of the thread that started it. */
    static void inherit(PipelineHarness harness, List<Continuable> parents) {
        HARNESS.set(harness)
        CHAIN.get().clear()
        CHAIN.get().addAll(parents)
    }

    static void forget() {
        CHAIN.remove()
        HARNESS.remove()
    }

    /** Called by a step from CPS code: suspends the program until the step has run. */
    static Object suspend(String name, Closure impl, List args) {
        SUSPENDING.set(name)
        return Continuable.suspend(new StepCall(name, impl, args))
    }

    /** Runs a Jenkinsfile that was compiled with the CPS transformation. */
    static Object runScript(Script script, PipelineHarness harness) {
        inherit(harness, [])
        try {
            return drive(new Continuable(script))
        } finally {
            forget()
        }
    }

    /** Calls a closure from the harness: a CPS one (a body) runs as a nested program. */
    static Object callBody(Closure body, Object... args) {
        try {
            return args.length == 0 ? body.call() : body.call(*args)
        } catch (CpsCallableInvocation invocation) {
            return drive(new Continuable(invocation.invoke(Envs.empty(), null, Continuation.HALT)))
        }
    }

    /**
     * Calls a closure with a delegate, the way pipeline code does (body.delegate = x; body()): on the
     * closure itself, not on a copy, because a CPS closure's copies run as the original (groovy-cps
     * binds a closure's code to the instance that created it). The closure is restored afterwards.
     */
    static Object callWithDelegate(Closure body, Object delegate, int resolveStrategy) {
        Object oldDelegate = body.delegate
        int oldStrategy = body.resolveStrategy
        body.delegate = delegate
        body.resolveStrategy = resolveStrategy
        try {
            return callBody(body)
        } finally {
            body.delegate = oldDelegate
            body.resolveStrategy = oldStrategy
        }
    }

    private static Object drive(Continuable program) {
        PipelineHarness harness = HARNESS.get()
        List<Continuable> chain = CHAIN.get()
        chain << program
        boolean wasInterpreting = INTERPRETING.get()
        try {
            Outcome outcome = interpret(program, new Outcome(null, null))
            while (program.isResumable()) {
                StepCall call = (StepCall) outcome.normal
                INTERPRETING.set(false)
                Outcome result = harness.runSuspendedStep(new ArrayList<Continuable>(chain), call)
                outcome = interpret(program, result)
            }
            return outcome.replay()
        } finally {
            INTERPRETING.set(wasInterpreting)
            chain.remove(chain.size() - 1)
        }
    }

    private static Outcome interpret(Continuable program, Outcome resumeWith) {
        INTERPRETING.set(true)
        try {
            return program.run0(resumeWith, Continuable.categories)
        } finally {
            INTERPRETING.set(false)
        }
    }
}

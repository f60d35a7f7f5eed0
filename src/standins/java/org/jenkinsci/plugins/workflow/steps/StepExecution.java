// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java @ 710.v3e456cc85233 (behaviour ported for the mirrored members; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Scoped to a single execution of {@link Step}, and provides insights into what's going on
 * asynchronously and aborting the activity if need be.
 *
 * Omitted upstream members: {@code getStatusBounded} (needs {@code jenkins.util.Timer}) and the static
 * {@code acceptAll}/{@code applyAll} helpers. The deprecated no-argument constructor is mirrored, but the
 * {@code @Inject} field injection it relies on is not.
 */
public abstract class StepExecution implements Serializable {

    private StepContext context;

    /**
     * Default constructor used by injection.
     * @deprecated Use {@link #StepExecution(StepContext)} instead.
     */
    @Deprecated
    protected StepExecution() {
    }

    /**
     * If manually created, {@link StepContext} must be passed in.
     */
    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("you must either pass in a StepContext to the StepExecution constructor, or have the StepExecution be created automatically");
        }
        return context;
    }

    /**
     * Start execution of something and report the end result back to the given callback.
     *
     * @return
     *      true if the execution of this step has synchronously completed before this method returns.
     *      It is the callee's responsibility to set the return value via {@link StepContext#onSuccess(Object)}
     *      or {@link StepContext#onFailure(Throwable)}.
     *
     *      false if the asynchronous execution has started and that {@link StepContext}
     *      will be notified when the result comes in. (Note that the nature of asynchrony is such that it is possible
     *      for the {@link StepContext} to be already notified before this method returns.)
     * @throws Exception
     *      if any exception is thrown, {@link Step} is assumed to have completed abnormally synchronously
     *      (as if {@link StepContext#onFailure} is called and the method returned true.)
     */
    public abstract boolean start() throws Exception;

    /**
     * May be called if someone asks a running step to abort.
     * The default implementation calls {@code getContext().onFailure(cause)}.
     *
     * @param cause
     *      Contextual information that lets the step know what resulted in stopping an executing step,
     *      passed in the hope that this will assist diagnostics.
     */
    public void stop(@NonNull Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    /**
     * Called when {@link StepExecution} is brought back into memory after restart.
     */
    public void onResume() {}

    /**
     * May be overridden to provide specific information about what a step is currently doing, for diagnostic purposes.
     * @return a brief textual description of the current state, or null if not available
     */
    public @CheckForNull String getStatus() {
        return null;
    }

    /**
     * Allows a step to indicate that the user should not be permitted to restart the controller at this point.
     * @return true to block restarts
     */
    public boolean blocksRestart() {
        return false;
    }

    private static final long serialVersionUID = 1L;
}

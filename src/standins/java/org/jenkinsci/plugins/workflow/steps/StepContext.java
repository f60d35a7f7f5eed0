// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java @ 710.v3e456cc85233 (complete; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Represents the environment in which a step executes, and the callback through which it reports completion
 * ({@link #onSuccess(Object)}, or {@link FutureCallback#onFailure(Throwable)}).
 * Complete upstream API: implement every abstract member (including {@code equals}/{@code hashCode}) in test fakes.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {

    /**
     * Tries to find a contextual object of a given type.
     * Typical keys: {@code Launcher}, {@code EnvVars}, {@code FilePath}, {@code Computer}, {@code Executor},
     * {@code TaskListener}, {@code Run}, {@code FlowNode}.
     * @param key the kind of thing we want
     * @return that service, if available, else null
     * @throws IOException if some contextual object could not be loaded
     * @throws InterruptedException if something was interrupted
     */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    /**
     * Record the final result of a step.
     * @param result any return value (optionally Serializable and Groovy-compatible)
     */
    @Override public abstract void onSuccess(@Nullable Object result);

    /**
     * Checks whether {@link #onSuccess} or {@link #onFailure} has been called already.
     * @return true if the step has completed (success or failure)
     */
    public abstract boolean isReady();

    /**
     * Requests that any state held by the {@link StepExecution} be saved to disk.
     * @return a future that completes when the save is done
     */
    public abstract ListenableFuture<Void> saveState();

    /**
     * Sets the overall result of the build.
     * Can only be used to make the result worse.
     */
    public abstract void setResult(Result r);

    /**
     * Prepares for an asynchronous invocation of the body block that's given as an argument
     * to this step.
     *
     * @throws IllegalStateException
     *      if this step does not have a body block
     */
    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    /**
     * Checks if this step was called with a body block.
     */
    public boolean hasBody() {
        // Default implementation, but should be overridden:
        try {
            newBodyInvoker();
            return true;
        } catch (IllegalStateException x) {
            return false;
        }
    }

    /**
     * {@link StepContext}s get persisted, so they may not have the identity equality, but equals method
     * would allow two instances to be compared.
     */
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();

    private static final long serialVersionUID = 1L;
}

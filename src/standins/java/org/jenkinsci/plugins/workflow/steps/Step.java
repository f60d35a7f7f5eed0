// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java @ 710.v3e456cc85233 (complete; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/**
 * One thing that can be done, perhaps asynchronously.
 * A {@link Step} is merely the definition of how this task is configured;
 * {@link StepExecution} represents any state associated with one actual run of it.
 * <p>
 * The {@link Step} object should have an {@code @DataBoundConstructor} to specify mandatory parameters,
 * and {@code @DataBoundSetter} for optional parameters.
 */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    /**
     * Start execution of something and report the end result back to the given callback.
     *
     * Arguments are passed when instantiating steps.
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
    public abstract StepExecution start(StepContext context) throws Exception;

    /**
     * As {@link AbstractDescribableImpl#getDescriptor()}: needs a running Jenkins.
     */
    @Override public StepDescriptor getDescriptor() {
        return (StepDescriptor) super.getDescriptor();
    }

}

// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousResumeNotSupportedException.java @ 710.v3e456cc85233 (complete, behaviour ported; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exception that is thrown when a step is resumed after a controller restart but it is not resumable.
 */
public class SynchronousResumeNotSupportedException extends Exception {

    private static final Logger LOGGER = Logger.getLogger(SynchronousResumeNotSupportedException.class.getName());

    @Deprecated
    public SynchronousResumeNotSupportedException() {
        super("Resume after a restart not supported for non-blocking synchronous steps");
    }

    public SynchronousResumeNotSupportedException(StepContext context) {
        super(String.format("""
            The Pipeline step `%s` cannot be resumed after a controller restart. \
            In Scripted syntax, you may wrap its containing `node` block within `retry(conditions: [nonresumable()], count: 2) {...}`, \
            or, in Declarative syntax, use the `retries` option to an `agent` directive to allow the stage to be retried.""",
                            getStepDisplayFunctionName(context))
        );
    }

    private static String getStepDisplayFunctionName(StepContext stepContext) {
        StepDescriptor descriptor = null;
        try {
            descriptor = stepContext.get(StepDescriptor.class);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "Failed to get descriptor: ", e);
        }
        return descriptor != null ? descriptor.getFunctionName() : "?";
    }
}

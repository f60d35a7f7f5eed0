// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/BodyInvoker.java @ 710.v3e456cc85233 (signatures only; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

/**
 * Builder pattern for accumulating configuration for executing the body.
 * Present only as the return type of {@link StepContext#newBodyInvoker()}; no members are mirrored
 * (the rust-cargo step takes no body).
 */
public abstract class BodyInvoker {
}

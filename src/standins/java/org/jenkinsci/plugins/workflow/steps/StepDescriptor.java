// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java @ 710.v3e456cc85233 (behaviour ported for the mirrored members; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Descriptor of a {@link Step}.
 *
 * Omitted upstream members (they need the structs plugin): {@code getMetaStepArgumentType}, {@code newInstance},
 * {@code defineArguments}, {@code uninstantiate}, {@code checkContextAvailability}, {@code allMeta},
 * {@code metaStepsOf}. {@link #all()} and {@link #byFunctionName} see no descriptors without a running Jenkins.
 */
public abstract class StepDescriptor extends Descriptor<Step> {
    /**
     * Returns the context {@link Step} needs to access.
     *
     * This allows the system to statically infer which steps are applicable in which context
     * (say in freestyle or in workflow).
     * @see StepContext#get(Class)
     */
    public abstract Set<? extends Class<?>> getRequiredContext();

    /**
     * Returns the context {@link Step} adds/sets/modifies when executing a body.
     *
     * <p>
     * This is used to diagnose a "missing context" problem by suggesting what wrapper steps were likely missing.
     * Steps that {@linkplain #takesImplicitBlockArgument() does not take a body block} must return the empty set
     * as it has nothing to contribute to the context.
     *
     * <p>
     * This set and {@link #getRequiredContext()} can be compared to determine context variables that are newly
     * added (as opposed to get merely decorated.)
     *
     * @see BodyInvoker#withContexts(Object...)
     */
    public Set<? extends Class<?>> getProvidedContext() {
        return Collections.emptySet();
    }

    /**
     * Return a short string that is a valid identifier for programming languages.
     * Follow the pattern {@code [a-z][A-Za-z0-9_]*}.
     * Step will be referenced by this name when used in a programming language.
     */
    public abstract String getFunctionName();

    /**
     * Return true if this step can accept an implicit block argument.
     * (If it can, but it is called without a block, {@link StepContext#hasBody} will be false.)
     * @see StepContext#newBodyInvoker()
     */
    public boolean takesImplicitBlockArgument() {
        return false;
    }

    /**
     * For UI presentation purposes, allows a plugin to mark a step as deprecated or advanced.
     * @return true to exclude from main list of steps
     */
    public boolean isAdvanced() {
        return false;
    }

    /**
     * Some steps, such as {@code CoreStep} or {@code GenericSCMStep} can take
     * arbitrary {@code Describable}s of a certain type and execute it as a step.
     * Such a step should return true from this method so that {@code Describable}s that
     * it supports can be directly written as a step as a syntax sugar.
     */
    public boolean isMetaStep() {
        return false;
    }

    public static ExtensionList<StepDescriptor> all() {
        return ExtensionList.lookup(StepDescriptor.class);
    }

    /**
     * Finds the registered descriptor with the given {@link #getFunctionName()}, or null.
     */
    public static @Nullable StepDescriptor byFunctionName(String name) {
        for (StepDescriptor d : all()) {
            if (d.getFunctionName().equals(name))
                return d;
        }
        return null;
    }

    /**
     * Determine if a given object is a valid type to use for displaying as the arguments to a step.
     */
    static boolean isAbleToUseToStringForDisplay(@CheckForNull Object o) {
        return o instanceof CharSequence || o instanceof Number || o instanceof Boolean
                || o instanceof Enum; // Covers our base types, not sure if TimeUnit can do toString
    }

    /**
     * Used when displaying the step in the flow graph: a concise summary of the arguments.
     * By default, a single argument of a simple type is shown via {@code toString()}; otherwise null.
     * @param namedArgs the named arguments of the step
     * @return the display string, or null if none should be shown
     */
    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        if (namedArgs.size() == 1) {
            Object val = namedArgs.values().iterator().next();
            return (isAbleToUseToStringForDisplay(val)) ? val.toString() : null;
        }
        // Override me to handle less trivial or more customized cases
        return null;
    }
}

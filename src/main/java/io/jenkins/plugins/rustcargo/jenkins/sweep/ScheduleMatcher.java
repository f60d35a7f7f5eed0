package io.jenkins.plugins.rustcargo.jenkins.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides which agents a sweep schedule applies to: online agents whose labels satisfy the
 * schedule's label expression. Works on plain facts about agents, so the rule is unit-tested
 * without Jenkins; {@link SweepService} gathers the facts from the live nodes.
 */
public final class ScheduleMatcher {
    private ScheduleMatcher() {}

    /**
     * What matching needs to know about one node.
     *
     * @param name the node name, "" for the built-in node
     * @param labels the names of {@code Node.getAssignedLabels()}: configured labels, the node's
     *     own name (its self label) and labels from {@code LabelFinder}s
     */
    public record Agent(String name, boolean online, Set<String> labels) {}

    /**
     * The online agents the expression selects, in the given order. A blank expression selects
     * every online node, the built-in node included, as a blank label does for a job.
     *
     * @throws IllegalArgumentException when the expression does not parse
     */
    static List<Agent> matching(String labelExpression, Collection<Agent> agents) {
        ScheduleSyntax.LabelMatch expr = labelExpression == null || labelExpression.isBlank()
                ? labels -> true
                : ScheduleSyntax.current().label(labelExpression);
        List<Agent> out = new ArrayList<>();
        for (Agent a : agents) {
            if (a.online() && expr.matches(a.labels())) {
                out.add(a);
            }
        }
        return out;
    }
}

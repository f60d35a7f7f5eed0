// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Label.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * Group of {@link Node}s.
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes other than {@link Actionable}
 * ({@code Comparable<Label>, ModelObjectWithChildren}) are left out.
 * <b>Not ported:</b> {@link #parseExpression(String)} (upstream uses an ANTLR grammar) throws
 * {@link UnsupportedOperationException}; {@link #get(String)} needs {@code Jenkins.get()} and therefore throws
 * {@link IllegalStateException}, as upstream does without a running Jenkins.
 */
public abstract class Label extends Actionable {

    /** Not constructible outside the stand-in package. */
    Label() {
    }

    /** Signature only, so that {@code LabelAtom} can extend this class; nothing constructs labels without Jenkins. */
    protected Label(@NonNull String name) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Alias for {@link #getDisplayName()}.
     */
    @NonNull
    public final String getName() {
        return getDisplayName();
    }

    /**
     * Returns a human-readable text that represents this label.
     */
    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns a label expression that represents this label.
     */
    public abstract String getExpression();

    /**
     * Evaluates whether the label expression is true when an entity owns the given set of labels.
     */
    public final boolean matches(Node n) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets all {@link Node}s that belong to this label.
     */
    public Set<Node> getNodes() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns true if this label has no nodes and no clouds.
     */
    public boolean isEmpty() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Obtains a label by its {@linkplain #getName() name}.
     */
    @CheckForNull
    public static Label get(String l) {
        return Jenkins.get().getLabel(l);
    }

    /**
     * Parses the expression into a label expression tree.
     *
     * @param labelExpression the label expression to be parsed
     * @throws IllegalArgumentException if the label expression cannot be parsed
     */
    public static Label parseExpression(@NonNull String labelExpression) {
        throw new UnsupportedOperationException("stand-in: label expressions are not ported");
    }
}

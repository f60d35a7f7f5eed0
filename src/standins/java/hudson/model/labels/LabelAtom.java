// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/labels/LabelAtom.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model.labels;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Label;

/**
 * Atomic single token label, like "foo" or "bar".
 *
 * Only the type, so that {@code Node.getAssignedLabels()} has its upstream signature; the name comes from
 * {@link Label#getName()}. The upstream supertype {@code Saveable} is left out.
 *
 * @author Kohsuke Kawaguchi
 * @since  1.372
 */
public class LabelAtom extends Label {

    public LabelAtom(@NonNull String name) {
        super(name);
    }

    /**
     * If the label contains 'unsafe' chars, escape them.
     */
    @Override
    public String getExpression() {
        throw new UnsupportedOperationException("stand-in");
    }
}

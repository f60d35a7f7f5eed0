// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.model.labels.LabelAtom;
import java.util.Collection;

public abstract class Label extends Actionable {
    protected Label(String name) {
    }

    public final String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final boolean matches(final Collection<LabelAtom> labels) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static Label parseExpression(String labelExpression) {
        throw new UnsupportedOperationException("stand-in");
    }
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public /* abstract */ Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract Collection<? extends Action> createFor(T target);
}

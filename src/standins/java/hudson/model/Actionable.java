// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import java.util.List;

public abstract class Actionable {
    Actionable() {
    }

    @Deprecated
    public List<Action> getActions() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {
    public abstract void onAttached(Run<?, ?> r);

    public abstract void onLoad(Run<?, ?> r);
}

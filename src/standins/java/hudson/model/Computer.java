// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.EnvVars;
import java.io.IOException;

public abstract class Computer extends Actionable {
    Computer() {
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Node getNode() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isOffline() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final boolean isOnline() {
        throw new UnsupportedOperationException("stand-in");
    }

    public EnvVars getEnvironment() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public EnvVars buildEnvironment(TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}

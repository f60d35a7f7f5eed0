// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import java.io.IOException;

public abstract class EnvironmentContributor implements ExtensionPoint {
    public void buildEnvironmentFor(Run r, EnvVars envs, TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributor.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import java.io.IOException;

/**
 * Contributes environment variables to builds.
 *
 * <p>Ported: both callbacks default to doing nothing, and {@link #all()} is empty without a running Jenkins.
 * The nested {@code EnvVarsHtml} root action is not mirrored.
 *
 * @author Kohsuke Kawaguchi
 * @since 1.392
 */
public abstract class EnvironmentContributor implements ExtensionPoint {
    /**
     * Contributes environment variables used for a build.
     */
    public void buildEnvironmentFor(@NonNull Run r, @NonNull EnvVars envs, @NonNull TaskListener listener) throws IOException, InterruptedException {}

    /**
     * Contributes environment variables used for a job.
     */
    public void buildEnvironmentFor(@NonNull Job j, @NonNull EnvVars envs, @NonNull TaskListener listener) throws IOException, InterruptedException {}

    /**
     * Returns all the registered {@link EnvironmentContributor}s.
     */
    public static ExtensionList<EnvironmentContributor> all() {
        return ExtensionList.lookup(EnvironmentContributor.class);
    }
}

// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/model/RunAction2.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/**
 * Optional interface for {@link Action}s that add themselves to a {@link Run}.
 * @since 1.519, 1.509.3
 */
public interface RunAction2 extends Action {

    /**
     * Called when added to a build.
     * @param r the build to which this action was attached
     */
    void onAttached(Run<?, ?> r);

    /**
     * Called after a build is loaded to which this action was previously attached.
     * @param r the build to which this action was attached
     */
    void onLoad(Run<?, ?> r);

}

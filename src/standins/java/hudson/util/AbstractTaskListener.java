// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/util/AbstractTaskListener.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.util;

import hudson.model.TaskListener;

/**
 * Base implementation of {@link TaskListener}.
 * @deprecated implement {@link TaskListener} directly
 *     (upstream also marks it {@code @Restricted(NoExternalUse.class)} since 2.91).
 */
@Deprecated
public abstract class AbstractTaskListener implements TaskListener {

    private static final long serialVersionUID = 7217626701881006422L;

}

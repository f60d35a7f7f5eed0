// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Action.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Object that contributes additional information, behaviors, and UIs to {@link ModelObject}
 * (more specifically {@link Actionable} objects, which most interesting {@link ModelObject}s are.)
 */
public interface Action extends ModelObject {
    /**
     * Gets the file name of the icon; null to hide the action from the side panel.
     */
    @CheckForNull String getIconFileName();

    /**
     * Gets the string to be displayed.
     */
    @Override
    @CheckForNull String getDisplayName();

    /**
     * Gets the URL path name; null for no URL.
     */
    @CheckForNull String getUrlName();
}

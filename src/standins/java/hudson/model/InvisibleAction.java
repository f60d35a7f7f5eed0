// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/InvisibleAction.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.model;

/**
 * Partial {@link Action} implementation that doesn't have any UI presence (unless the URL name is overridden).
 */
public abstract class InvisibleAction implements Action {
    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/ModelObject.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.model;

/**
 * A model object has a human readable name.
 */
public interface ModelObject {
    String getDisplayName();
}

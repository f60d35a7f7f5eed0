// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.model;

/**
 * Classes that are described by {@link Descriptor}.
 */
public interface Describable<T extends Describable<T>> {
    /**
     * Gets the descriptor for this instance.
     */
    Descriptor<T> getDescriptor();
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java @ jenkins-2.479.3 (complete, behaviour ported; see docs/standins.md)
package hudson.model;

import jenkins.model.Jenkins;

/**
 * Partial default implementation of {@link Describable}.
 */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {

    /**
     * By default looks for a nested class (conventionally named {@code DescriptorImpl}) implementing {@link Descriptor} and marked with {@link hudson.Extension}.
     * As upstream, this needs a running Jenkins: without one it throws {@link IllegalStateException}.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Descriptor<T> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(getClass());
    }

}

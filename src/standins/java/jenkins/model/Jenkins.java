// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Computer;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Label;
import hudson.model.Node;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.util.List;

/**
 * Root object of the system.
 *
 * <p>There is never an instance in the stand-in world: {@link #getInstanceOrNull()} returns null and
 * {@link #get()} throws {@link IllegalStateException} with upstream's message, which is exactly what upstream does
 * in a JVM where Jenkins has not been started (e.g. plain unit tests). Instance members exist only so that code
 * compiles. Upstream supertypes other than {@link AccessControlled} ({@code AbstractCIBase,
 * DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup, DescriptorByNameOwner,
 * ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable}) are left out.
 */
public class Jenkins implements AccessControlled {

    /** Not constructible in the stand-in world. */
    Jenkins() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the {@link Jenkins} singleton.
     * @return {@link Jenkins} instance
     * @throws IllegalStateException for the reasons that {@link #getInstanceOrNull} might return null
     * @since 2.98
     */
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        Jenkins instance = getInstanceOrNull();
        if (instance == null) {
            throw new IllegalStateException("Jenkins.instance is missing. Read the documentation of Jenkins.getInstanceOrNull to see what you are doing wrong.");
        }
        return instance;
    }

    /**
     * Gets the {@link Jenkins} singleton.
     * {@link #get} is what you normally want.
     * @return The instance. Null if the {@link Jenkins} service has not been started, or was already shut down,
     *         or we are running on an unrelated JVM, typically an agent. (Always null in the stand-in world.)
     * @since 1.653
     */
    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        return null;
    }

    /**
     * @deprecated This is a historical alias for {@link #getInstanceOrNull} but with ambiguous nullability. Use {@link #get} in typical cases.
     */
    @Nullable
    @Deprecated
    public static Jenkins getInstance() {
        return getInstanceOrNull();
    }

    /**
     * Works just like {@code getDescriptor(Class)} but don't take no for an answer.
     *
     * @throws AssertionError
     *      If the descriptor is missing.
     * @since 1.326
     */
    @NonNull
    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the read-only list of all {@link Computer}s.
     */
    public Computer[] getComputers() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the label that exists on this system by the name.
     *
     * @return null if name is null.
     * @see Label#parseExpression(String) (String)
     */
    @CheckForNull
    public Label getLabel(String expr) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns all {@link Node}s in the system, excluding {@link Jenkins} instance itself which
     * represents the built-in node (in other words, this only returns agents).
     */
    @NonNull
    public List<Node> getNodes() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * The file we save our configuration.
     */
    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Returns {@link ExtensionList} that retains the discovered instances for the given extension type.
     */
    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Administrative access to Jenkins.
     */
    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Node.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.labels.LabelAtom;
import hudson.remoting.VirtualChannel;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * Base type of Jenkins nodes (the built-in node and agents).
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes ({@code AbstractModelObject,
 * ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot}) are left out.
 * {@link #toComputer()}, {@link #getChannel()} and {@link #createPath(String)} need {@code Jenkins.get()} upstream,
 * so here they throw {@link IllegalStateException} as upstream does without a running Jenkins.
 */
public abstract class Node {

    /** Not constructible outside the stand-in package. */
    Node() {
    }

    public String getDisplayName() {
        return getNodeName(); // default implementation
    }

    /**
     * Name of this node.
     *
     * @return
     *      "" if this is master
     */
    @NonNull
    public abstract String getNodeName();

    /**
     * Returns a {@link Launcher} for executing programs on this node.
     */
    public abstract Launcher createLauncher(TaskListener listener);

    /**
     * Gets the corresponding {@link Computer} object.
     *
     * @return
     *      this method can return null if there's no {@link Computer} object for this node,
     *      such as when this node has no executors at all.
     */
    @CheckForNull
    public final Computer toComputer() {
        Jenkins.get();
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the current channel, if the node is connected and online, or null.
     */
    @CheckForNull
    public final VirtualChannel getChannel() {
        Computer c = toComputer();
        return c == null ? null : c.getChannel();
    }

    /**
     * Returns the manually configured label for a node. The list of assigned
     * and dynamically determined labels is available via
     * {@code getAssignedLabels()} and includes all labels that have been
     * manually configured.
     */
    public abstract String getLabelString();

    /**
     * Returns the possibly empty set of labels that are assigned to this node,
     * including the automatic {@code getSelfLabel() self label}, manually
     * assigned labels and dynamically assigned labels via the
     * {@code LabelFinder} extension point.
     *
     * This method has a side effect of updating the hudson-wide set of labels
     * and should be called after events that will change that - e.g. an agent
     * connecting.
     */
    // upstream: @Exported
    public Set<LabelAtom> getAssignedLabels() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the root directory of this node.
     *
     * @return
     *      null if the node is offline and hence the {@link FilePath}
     *      object is not available.
     */
    public abstract @CheckForNull FilePath getRootPath();

    /**
     * Gets the {@link FilePath} on this node.
     */
    public @CheckForNull FilePath createPath(String absolutePath) {
        VirtualChannel ch = getChannel();
        if (ch == null)    return null;    // offline
        return new FilePath(ch, absolutePath);
    }
}

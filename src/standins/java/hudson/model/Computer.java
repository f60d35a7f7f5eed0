// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Computer.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.remoting.VirtualChannel;
import java.io.IOException;

/**
 * Represents the running state of a remote computer that holds executors.
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes other than {@link Actionable}
 * ({@code AccessControlled, ExecutorListener, DescriptorByNameOwner, StaplerProxy, HasWidgets}) are left out.
 * {@link #currentComputer()} returns null, as upstream does off an executor thread.
 */
public /*transient*/ abstract class Computer extends Actionable {

    /** Not constructible outside the stand-in package. */
    Computer() {
    }

    /**
     * Gets the channel that can be used to run a program on this computer.
     *
     * @return
     *      never null when {@link #isOffline()}==false.
     */
    public abstract @Nullable VirtualChannel getChannel();

    /**
     * Returns the name of the node ("" for the built-in node).
     */
    public @NonNull String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * True if this computer is a Unix machine (as opposed to Windows machine).
     *
     * @since 1.624
     * @return
     *      null if the computer is disconnected and therefore we don't know whether it is Unix or not.
     */
    public abstract @CheckForNull Boolean isUnix();

    /**
     * Returns the {@link Node} that this computer represents.
     *
     * @return
     *      null if the configuration has changed and the node is removed, yet the corresponding {@link Computer}
     *      is not yet gone.
     */
    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isOffline() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final boolean isOnline() {
        return !isOffline();
    }

    /**
     * Returns cached environment variables (copy to prevent modification) for the JVM on this computer.
     * If this is the master, it returns the system property of the master computer.
     */
    public EnvVars getEnvironment() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Creates an environment variable override to be used for launching processes on this node.
     *
     * @since 1.489
     */
    public @NonNull EnvVars buildEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * @return the {@link Computer} associated with {@code Executor.currentExecutor}, or (consistently as of 1.591) null if not on an executor thread
     */
    public static @Nullable Computer currentComputer() {
        return null; // upstream: Executor.currentExecutor() is null outside a Jenkins executor thread
    }
}

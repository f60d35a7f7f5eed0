// Stand-in for jenkinsci/remoting src/main/java/hudson/remoting/Callable.java @ 3261.v9c670a_4748a_9 (signatures only; see docs/standins.md)
package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Represents computation to be done on a remote system.
 * Omitted upstream members: the default methods {@code getChannelOrFail()} and {@code getOpenChannelOrFail()}.
 */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    /**
     * Performs computation and returns the result, or throws some exception.
     */
    V call() throws T;
}

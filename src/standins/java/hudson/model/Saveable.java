// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Saveable.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson.model;

import hudson.BulkChange;
import java.io.IOException;

/**
 * Object whose state is persisted to XML.
 *
 * @author Kohsuke Kawaguchi
 * @see BulkChange
 * @since 1.249
 */
public interface Saveable {
    /**
     * Persists the state of this object into XML.
     *
     * <p>
     * For making a bulk change efficiently, see {@link BulkChange}.
     *
     * <p>
     * To support listeners monitoring changes to this object, call {@code SaveableListener.fireOnChange}
     * @throws IOException
     *      if the persistence failed.
     */
    void save() throws IOException;

    /**
     * {@link Saveable} that doesn't save anything.
     * @since 1.301.
     */
    Saveable NOOP = () -> {
    };
}

// Stand-in for jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java @ 3261.v9c670a_4748a_9 (complete, behaviour ported; see docs/standins.md)
package org.jenkinsci.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Verifies that the callable is getting run on the intended recipient.
 */
public abstract class RoleChecker {
    public abstract void check(@NonNull RoleSensitive subject, @NonNull Collection<Role> expected)
            throws SecurityException;

    public void check(@NonNull RoleSensitive subject, @NonNull Role expected) throws SecurityException {
        check(subject, Set.of(expected));
    }

    public void check(@NonNull RoleSensitive subject, Role... expected) throws SecurityException {
        check(subject, Arrays.asList(expected));
    }
}

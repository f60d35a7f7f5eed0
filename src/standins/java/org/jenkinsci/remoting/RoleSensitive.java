// Stand-in for jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleSensitive.java @ 3261.v9c670a_4748a_9 (complete; see docs/standins.md)
package org.jenkinsci.remoting;

/**
 * Used by {@link hudson.remoting.Callable}-like objects to designate the intended recipient of the callable.
 */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}

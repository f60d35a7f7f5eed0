// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java @ jenkins-2.479.3 (complete, behaviour ported; see docs/standins.md)
package jenkins;

import hudson.FilePath.FileCallable;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

/**
 * {@link FileCallable}s that are meant to be only used on the agent side.
 */
public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Roles.SLAVE);
    }

    private static final long serialVersionUID = 1L;
}

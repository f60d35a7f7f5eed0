// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/security/MasterToSlaveCallable.java @ jenkins-2.479.3 (complete, behaviour ported; see docs/standins.md)
package jenkins.security;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Convenient {@link Callable} meant to be run on an agent.
 * (At 2.479.3 it implements {@link Callable} directly; {@code ControllerToAgentCallable} only arrives in 2.485.)
 */
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {

    private static final long serialVersionUID = 1L;

    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Roles.SLAVE);
    }
}

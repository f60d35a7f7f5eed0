// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;

/**
 * Object that has an {@link ACL}
 *
 * Omitted upstream members: {@code checkAnyPermission}, {@code hasAnyPermission}, {@code hasPermission2} and the
 * Acegi {@code hasPermission(Authentication, Permission)}.
 */
public interface AccessControlled {
    /**
     * Obtains the ACL associated with this object.
     *
     * @return never null.
     */
    @NonNull ACL getACL();

    /**
     * Convenient short-cut for {@code getACL().checkPermission(permission)}
     */
    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Convenient short-cut for {@code getACL().hasPermission(permission)}
     */
    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}

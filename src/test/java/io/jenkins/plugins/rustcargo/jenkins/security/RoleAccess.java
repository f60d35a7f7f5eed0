package io.jenkins.plugins.rustcargo.jenkins.security;

import hudson.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * A user holding some permissions, as a matrix authorization would grant them: a permission is
 * held when it or anything that implies it ({@code impliedBy}, up to Overall/Administer) was
 * granted. Records what each check asked for, so tests can name the permission an action demands.
 */
public final class RoleAccess implements AccessCheck, AutoCloseable {
    private final Set<Permission> granted;
    private final List<List<Permission>> asked = new ArrayList<>();
    private final AccessCheck before;

    private RoleAccess(Set<Permission> granted) {
        this.granted = granted;
        this.before = AccessCheck.install(this);
    }

    /** Installs a user with these permissions until {@link #close}. */
    public static RoleAccess holding(Permission... granted) {
        return new RoleAccess(Set.of(granted));
    }

    @Override
    public void checkAny(Permission... permissions) {
        asked.add(List.of(permissions));
        if (!hasAny(permissions)) {
            throw new AccessDeniedException("missing " + List.of(permissions));
        }
    }

    @Override
    public boolean hasAny(Permission... permissions) {
        for (Permission p : permissions) {
            for (Permission q = p; q != null; q = q.impliedBy) {
                if (granted.contains(q)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What each {@link #checkAny} call so far asked for, in order. */
    public List<List<Permission>> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        AccessCheck.install(before);
    }
}

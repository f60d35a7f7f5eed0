package io.jenkins.plugins.rustcargo.jenkins.security;

import hudson.security.Permission;
import jenkins.model.Jenkins;

/**
 * The one place the plugin asks whether the current user may do something. In Jenkins it is the
 * controller's ACL; tests install their own, so they can see which permission each action asks for
 * and how each role fares, without a running Jenkins.
 */
public interface AccessCheck {
    /** Returns when the current user has at least one of the permissions; otherwise throws Spring's AccessDeniedException (an HTTP 403). */
    void checkAny(Permission... permissions);

    /** Whether the current user has at least one of the permissions (to hide what they may not use). */
    boolean hasAny(Permission... permissions);

    /** The installed check: Jenkins' ACL unless a test installed another. */
    static AccessCheck current() {
        return Installed.current;
    }

    /** Installs a check (tests) and returns the one it replaces, to be installed again afterwards. */
    static AccessCheck install(AccessCheck check) {
        AccessCheck before = Installed.current;
        Installed.current = check;
        return before;
    }

    /** Jenkins' own permission check for the current request's user. */
    AccessCheck JENKINS = new AccessCheck() {
        @Override
        public void checkAny(Permission... permissions) {
            Jenkins.get().checkAnyPermission(permissions);
        }

        @Override
        public boolean hasAny(Permission... permissions) {
            return Jenkins.get().hasAnyPermission(permissions);
        }
    };
}

/** Holds the installed check (an interface cannot have a mutable field). */
final class Installed {
    static volatile AccessCheck current = AccessCheck.JENKINS;

    private Installed() {}
}

package io.jenkins.plugins.rustcargo.jenkins.security;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;

/**
 * Who may do what in the plugin. The cache page has a permission group of its own (an
 * administrator has both, as Overall/Administer implies them); the global configuration follows
 * Jenkins' delegation: Overall/Manage changes it and its sweep schedules, Overall/SystemRead sees
 * it read-only. Every action and form check asks through {@link AccessCheck}.
 */
public final class RustCargoPermissions {
    public static final PermissionGroup GROUP = new PermissionGroup(RustCargoPermissions.class, Messages._RustCargoPermissions_Group());

    /** Sweep caches now (and every other change on the cache page); implies {@link #VIEW_CACHES}. */
    public static final Permission MANAGE_CACHES = new Permission(GROUP, "ManageCaches", Messages._RustCargoPermissions_ManageCaches(),
            Jenkins.ADMINISTER, PermissionScope.JENKINS);

    /** See the cache page: each agent's cache mounts and sweep history, and list them again. */
    public static final Permission VIEW_CACHES = new Permission(GROUP, "ViewCaches", Messages._RustCargoPermissions_ViewCaches(),
            MANAGE_CACHES, PermissionScope.JENKINS);

    /** Change the global configuration and the sweep schedules, and run their form checks. */
    public static final Permission CONFIGURE = Jenkins.MANAGE;

    private RustCargoPermissions() {}

    /**
     * Declares the permissions while Jenkins starts (loading this class does it), so the group is
     * in the authorization matrix before anyone opened a page of ours.
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void declare() {
        // Nothing else to do: the static fields above are the declaration.
    }

    /** Seeing the global configuration: read-only access, or the right to change it. */
    public static Permission[] readConfiguration() {
        return new Permission[] {Jenkins.SYSTEM_READ, CONFIGURE};
    }
}

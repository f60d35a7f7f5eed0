// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Item.java @ jenkins-2.479.3 (constants only; see docs/standins.md)
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;

/**
 * Basic configuration unit in Hudson.
 *
 * <p>Only {@link #PERMISSIONS} and {@link #CONFIGURE} are mirrored, with upstream's identities (ids
 * {@code Job} and {@code hudson.model.Item.Configure}, implied by {@link Permission#CONFIGURE}); the description and
 * scope are not. None of the abstract members is, so nothing may implement this stand-in: mock it. Upstream
 * supertypes {@code PersistenceRoot, SearchableModelObject, OnMaster} are left out.
 */
public interface Item extends AccessControlled {
    // upstream: new PermissionGroup(Item.class, Messages._Item_Permissions_Title()), whose English title is "Job"
    PermissionGroup PERMISSIONS = new PermissionGroup("Job", Item.class, null);
    // upstream: new Permission(PERMISSIONS, "Configure", Messages._Item_CONFIGURE_description(), Permission.CONFIGURE, PermissionScope.ITEM)
    Permission CONFIGURE = new Permission(PERMISSIONS, "Configure", Permission.CONFIGURE);
}

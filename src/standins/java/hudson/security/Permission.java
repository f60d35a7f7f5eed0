// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java @ jenkins-2.479.3 (behaviour ported for the mirrored members; see docs/standins.md)
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Permission, which represents activity that requires a security privilege.
 *
 * <p>Only the identity of the predefined permissions is mirrored: {@link #name}, {@link #impliedBy},
 * {@link #getId()}, {@link #equals}/{@link #hashCode}, {@link #toString()} and {@link #HUDSON_ADMINISTER}.
 * Permission groups, descriptions, scopes and the public constructors are not, so plugins cannot declare
 * their own permissions against the stand-in.
 */
public final class Permission {

    /** Upstream: {@code public final Class owner} (the group's owner class); only its name is kept here. */
    private final String ownerName;

    /**
     * Name of the permission, like "Administer".
     */
    public final @NonNull String name;

    /**
     * Bundled {@link Permission} that also implies this permission.
     */
    public final @CheckForNull Permission impliedBy;

    private Permission(String ownerName, String name, Permission impliedBy) {
        this.ownerName = ownerName;
        this.name = name;
        this.impliedBy = impliedBy;
    }

    /**
     * Returns the string representation of this {@link Permission},
     * which can be converted back to {@link Permission} via the
     * {@code fromId(String)} method.
     *
     * @return ID with the following format: <i>permissionClass.permissionName</i>
     */
    public @NonNull String getId() {
        return ownerName + '.' + name;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Permission && getId().equals(((Permission) o).getId());
    }

    @Override public int hashCode() {
        return getId().hashCode();
    }

    @Override
    public String toString() {
        return "Permission[class " + ownerName + ',' + name + ']';
    }

    /**
     * @deprecated since 2009-01-23.
     *      Access {@link jenkins.model.Jenkins#ADMINISTER}.
     */
    @Deprecated
    public static final Permission HUDSON_ADMINISTER = new Permission("hudson.model.Hudson", "Administer", null);
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java @ jenkins-2.479.3 (behaviour ported for the mirrored members; see docs/standins.md)
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Permission, which represents activity that requires a security privilege.
 *
 * <p>Only the identity of the predefined permissions is mirrored: {@link #name}, {@link #impliedBy},
 * {@link #getId()}, {@link #equals}/{@link #hashCode}, {@link #toString()}, {@link #HUDSON_ADMINISTER} and the generic
 * {@link #WRITE}/{@link #UPDATE}/{@link #CONFIGURE} chain behind {@code Item.CONFIGURE}. Of the public constructors only
 * the deprecated {@code (PermissionGroup, String, Permission)} one is mirrored (used by {@code Item}'s constants);
 * descriptions, scopes and the global registry are not.
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
     * Defines a new permission in {@code group} (upstream's oldest public constructor; the
     * description and scopes it leaves at their defaults are not mirrored). As upstream, the name must be a
     * Java identifier and a group accepts each name once.
     *
     * @deprecated since 1.257.
     *      Use {@code Permission(PermissionGroup, String, Localizable, Permission)}
     */
    @Deprecated
    public Permission(@NonNull PermissionGroup group, @NonNull String name, @CheckForNull Permission impliedBy) {
        if (!isJavaIdentifier(name))
            throw new IllegalArgumentException(name + " is not a Java identifier");
        this.ownerName = group.owner.getName();
        this.name = name;
        this.impliedBy = impliedBy;
        group.add(this);
    }

    /** Upstream calls json-lib's {@code JSONUtils.isJavaIdentifier}; this is its logic (loading JSONUtils needs commons-lang 2). */
    private static boolean isJavaIdentifier(String str) {
        if (str.isEmpty() || !Character.isJavaIdentifierStart(str.charAt(0))) {
            return false;
        }
        for (int i = 1; i < str.length(); i++) {
            if (!Character.isJavaIdentifierPart(str.charAt(i))) {
                return false;
            }
        }
        return true;
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

    /**
     * Generic write access.
     */
    public static final Permission WRITE = new Permission("hudson.security.Permission", "GenericWrite", HUDSON_ADMINISTER);

    /**
     * Generic update access.
     */
    public static final Permission UPDATE = new Permission("hudson.security.Permission", "GenericUpdate", WRITE);

    /**
     * Generic configuration access.
     */
    public static final Permission CONFIGURE = new Permission("hudson.security.Permission", "GenericConfigure", UPDATE);
}

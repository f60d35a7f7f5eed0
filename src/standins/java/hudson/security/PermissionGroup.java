// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/security/PermissionGroup.java @ jenkins-2.479.3 (behaviour ported for the mirrored members; see docs/standins.md)
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jvnet.localizer.Localizable;

/**
 * Group of {@link Permission}s that share the same owner.
 *
 * <p>Ported: construction with registration (a second group for the same owner class throws
 * {@link IllegalStateException}, as upstream), {@link #getId()}, {@link #getOwnerClassName()}, the per-group check
 * that a permission name is registered once, {@code equals}/{@code hashCode}/{@code toString}. Not mirrored: the
 * listing members ({@code getAll}, {@code get}, {@code getPermissions}, {@code find}, {@code iterator}) and the
 * upstream supertypes {@code Iterable<Permission>, Comparable<PermissionGroup>}.
 */
public final class PermissionGroup {
    private final Set<String> permissionIds = new HashSet<>();

    @NonNull
    public final Class owner;

    /**
     * Human readable title of this permission group.
     * This should be short.
     */
    public final Localizable title;

    private final String id;

    /**
     * Both creates a registers a new permission group.
     * @param owner sets {@link #owner}
     * @param title sets {@link #title}
     * @throws IllegalStateException if this group was already registered
     */
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        this(title.toString(Locale.ENGLISH), owner, title);
    }

    /**
     * Both creates a registers a new permission group.
     * @param owner sets {@link #owner}
     * @param title sets {@link #title}
     * @throws IllegalStateException if this group was already registered
     * @since 2.127
     */
    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {
        this.owner = owner;
        this.title = title;
        this.id = id;
        register(this);
    }

    /**
     * Gets ID of the permission group.
     * @return Non-localizable ID of the permission group.
     */
    public String getId() {
        return id;
    }

    public String getOwnerClassName() {
        return owner.getName();
    }

    /*package*/ synchronized void add(Permission p) {
        if (!permissionIds.add(p.getId())) {
            throw new IllegalStateException("attempt to register a second Permission for " + p.getId());
        }
    }

    @Override public boolean equals(Object o) {
        return o instanceof PermissionGroup && getOwnerClassName().equals(((PermissionGroup) o).getOwnerClassName());
    }

    @Override public int hashCode() {
        return getOwnerClassName().hashCode();
    }

    @Override public String toString() {
        return "PermissionGroup[" + getOwnerClassName() + "]";
    }

    private static synchronized void register(PermissionGroup g) {
        if (!PERMISSIONS.add(g.getOwnerClassName())) {
            throw new IllegalStateException("attempt to register a second PermissionGroup for " + g.getOwnerClassName());
        }
    }

    /** Upstream: a sorted set of the groups, unique by owner class name; only that uniqueness is mirrored. */
    private static final Set<String> PERMISSIONS = new HashSet<>();
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.security;

import org.jvnet.localizer.Localizable;

// Holds its declaration so tests can follow impliedBy; Jenkins' ACL does the real granting.
public final class Permission {
    public final PermissionGroup group;
    public final String name;
    public final Localizable description;
    public final Permission impliedBy;

    public Permission(PermissionGroup inGroup, String id, Localizable text, Permission implier, PermissionScope ignored) {
        this(inGroup, id, text, implier);
    }

    public Permission(PermissionGroup inGroup, String id, Localizable text, Permission implier) {
        group = inGroup;
        name = id;
        description = text;
        impliedBy = implier;
    }

    @Override
    public String toString() {
        return "Permission[" + name + "]";
    }
}

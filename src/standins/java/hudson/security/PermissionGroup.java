// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.security;

import org.jvnet.localizer.Localizable;

public final class PermissionGroup {
    public final Class owner;
    public final Localizable title;

    public PermissionGroup(Class ownerClass, Localizable text) throws IllegalStateException {
        owner = ownerClass;
        title = text;
    }
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.security;

public final class PermissionScope {
    public static final PermissionScope JENKINS = new PermissionScope();

    private PermissionScope() {
    }
}

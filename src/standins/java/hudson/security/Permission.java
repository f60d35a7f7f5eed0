// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.security;

public final class Permission {
    private Permission() {
    }
}

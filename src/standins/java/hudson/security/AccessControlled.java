// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.security;

import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {
    public default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }

    public default void checkAnyPermission(Permission... permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public default boolean hasAnyPermission(Permission... permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}

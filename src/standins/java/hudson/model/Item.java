// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission CONFIGURE = null;
}

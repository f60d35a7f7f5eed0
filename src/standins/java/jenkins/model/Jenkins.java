// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins.model;

import hudson.model.Computer;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import java.io.File;

public class Jenkins implements AccessControlled {
    // Distinct values with the real implications, so tests can tell the permissions apart.
    public static final PermissionGroup PERMISSIONS = new PermissionGroup(Jenkins.class, null);
    public static final Permission ADMINISTER = new Permission(PERMISSIONS, "Administer", null, null);
    public static final Permission MANAGE = new Permission(PERMISSIONS, "Manage", null, ADMINISTER);
    public static final Permission SYSTEM_READ = new Permission(PERMISSIONS, "SystemRead", null, ADMINISTER);
    public static final Permission READ = new Permission(PERMISSIONS, "Read", null, ADMINISTER);

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Computer[] getComputers() {
        throw new UnsupportedOperationException("stand-in");
    }
}

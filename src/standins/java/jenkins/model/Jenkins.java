// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package jenkins.model;

import hudson.model.Computer;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;

public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

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

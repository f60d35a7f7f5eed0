// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.Permission;

public abstract class ManagementLink implements ExtensionPoint, Action {
    @Override
    public abstract String getIconFileName();

    public String getDescription() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public abstract String getUrlName();

    public Permission getRequiredPermission() {
        throw new UnsupportedOperationException("stand-in");
    }

    protected String getCategoryName() {
        throw new UnsupportedOperationException("stand-in");
    }
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.ExtensionPoint;

public abstract class ManagementLink implements ExtensionPoint, Action {
    @Override
    public abstract String getIconFileName();

    public String getDescription() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public abstract String getUrlName();

    protected String getCategoryName() {
        throw new UnsupportedOperationException("stand-in");
    }
}

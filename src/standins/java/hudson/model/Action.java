// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface Action extends ModelObject {
    @CheckForNull
    public abstract String getIconFileName();

    @Override
    @CheckForNull
    public abstract String getDisplayName();

    @CheckForNull
    public abstract String getUrlName();
}

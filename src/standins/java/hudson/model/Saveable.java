// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import java.io.IOException;

public interface Saveable {
    public abstract void save() throws IOException;
}

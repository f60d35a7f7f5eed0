// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import java.io.PrintStream;

public interface TaskListener {
    TaskListener NULL = null;

    public abstract PrintStream getLogger();
}

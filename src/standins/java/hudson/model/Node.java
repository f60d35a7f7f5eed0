// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.labels.LabelAtom;
import java.util.Set;

public abstract class Node {
    Node() {
    }

    public abstract Launcher createLauncher(TaskListener listener);

    public Set<LabelAtom> getAssignedLabels() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract FilePath getRootPath();
}

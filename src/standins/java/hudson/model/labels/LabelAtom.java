// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model.labels;

import hudson.model.Label;

public class LabelAtom extends Label {
    public LabelAtom(String name) {
        super(name);
    }

    public static LabelAtom get(String l) {
        throw new UnsupportedOperationException("stand-in");
    }
}

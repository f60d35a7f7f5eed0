// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    AbstractItem() {
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("stand-in");
    }
}

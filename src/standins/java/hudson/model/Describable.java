// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

public interface Describable<T extends Describable<T>> {
    public abstract Descriptor<T> getDescriptor();
}

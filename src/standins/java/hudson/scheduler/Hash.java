// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.scheduler;

public abstract class Hash {
    Hash() {
    }

    public static Hash from(String seed) {
        throw new UnsupportedOperationException("stand-in");
    }
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

public interface ExtensionPoint {
}

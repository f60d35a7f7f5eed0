// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

public interface BuildBadgeAction extends Action {
}

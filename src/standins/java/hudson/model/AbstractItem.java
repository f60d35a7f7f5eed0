// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java @ jenkins-2.479.3 (signatures only; see docs/standins.md)
package hudson.model;

/**
 * Partial default implementation of {@code Item}.
 *
 * Cannot be constructed in the stand-in world (mock it). Upstream supertypes other than {@link Actionable} are left out
 * ({@code Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy}).
 */
public abstract class AbstractItem extends Actionable {

    /** Not constructible outside the stand-in package (upstream constructors need a Jenkins). */
    AbstractItem() {
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the display name of the current item, or the name if none is set.
     */
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the full name of this item, like "foo/bar/zot": the names of the enclosing item groups and this item, joined by '/'.
     */
    public final String getFullName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Gets the URL of this item, relative to the context root: "job/foo/" with a trailing slash.
     */
    public final String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }
}

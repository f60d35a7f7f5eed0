// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java @ jenkins-2.479.3 (behaviour ported for the no-Jenkins case; see docs/standins.md)
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Retains the known extension instances for the given type 'T'.
 *
 * <p>There is never a Jenkins instance in the stand-in world, so every list is the empty list upstream creates
 * when {@code Jenkins.getInstanceOrNull()} is null: {@link #lookup} returns an empty list, and
 * {@link #lookupSingleton}/{@link #lookupFirst} throw {@link IllegalStateException} with upstream's messages
 * (as when {@code Main.isUnitTest} is false). Registration ({@code add}, listeners, legacy instances) is not mirrored.
 * The upstream supertype {@code OnMaster} is left out.
 */
public class ExtensionList<T> extends AbstractList<T> {
    public final @CheckForNull Jenkins jenkins;
    public final Class<T> extensionType;

    /**
     * Once discovered, extensions are retained here (always empty here).
     */
    private final List<T> extensions = Collections.emptyList();

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        this.jenkins = jenkins;
        this.extensionType = extensionType;
    }

    /**
     * Looks for the extension instance of the given type (subclasses excluded),
     * or return null.
     */
    public @CheckForNull <U extends T> U get(@NonNull Class<U> type) {
        for (T ext : this)
            if (ext.getClass() == type)
                return type.cast(ext);
        return null;
    }

    /**
     * Looks for the extension instance of the given type (subclasses excluded),
     * or throws an IllegalStateException.
     *
     * Meant to simplify call inside @Extension annotated class to retrieve their own instance.
     */
    public @NonNull <U extends T> U getInstance(@NonNull Class<U> type) throws IllegalStateException {
        for (T ext : this)
            if (ext.getClass() == type)
                return type.cast(ext);

        throw new IllegalStateException("The class " + type.getName() + " was not found, potentially not yet loaded");
    }

    @Override
    public T get(int index) {
        return extensions.get(index);
    }

    @Override
    public int size() {
        return extensions.size();
    }

    /**
     * Gets the extension list for a given type.
     * Normally calls {@link Jenkins#getExtensionList(Class)} but falls back to an empty list
     * in case {@link Jenkins#getInstanceOrNull()} is null.
     * Thus it is useful to call from {@code all()} methods which need to behave gracefully during startup or shutdown.
     * @param type the extension point type
     * @return some list
     * @since 1.572
     */
    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        Jenkins j = Jenkins.getInstanceOrNull();
        return j == null ? new ExtensionList<>((Jenkins) null, type) : j.getExtensionList(type);
    }

    /**
     * Convenience method allowing lookup of the only instance of a given type.
     * Equivalent to {@code ExtensionList.lookup(Class).get(Class)} if there is one instance,
     * and throws an {@code IllegalStateException} otherwise.
     *
     * @param type The type to look up.
     * @return the singleton instance of the given type in its list.
     * @throws IllegalStateException if there are no instances, or more than one
     *
     * @since 2.87
     */
    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        ExtensionList<U> all = lookup(type);
        if (all.size() != 1) {
            throw new IllegalStateException("Expected 1 instance of " + type.getName() + " but got " + all.size());
        }
        return all.get(0);
    }

    /**
     * Convenience method allowing lookup of the instance of a given type with the highest ordinal.
     * Equivalent to {@code ExtensionList.lookup(type).get(0)} if there is at least one instance,
     * and throws an {@link IllegalStateException} otherwise if no instance could be found.
     *
     * @param type The type to look up.
     * @return the singleton instance of the given type in its list.
     * @throws IllegalStateException if there are no instances
     *
     * @since 2.435
     */
    public static @NonNull <U> U lookupFirst(Class<U> type) {
        var all = lookup(type);
        if (!all.isEmpty()) {
            return all.get(0);
        } else {
            throw new IllegalStateException("Found no instances of " + type.getName() + " registered");
        }
    }
}

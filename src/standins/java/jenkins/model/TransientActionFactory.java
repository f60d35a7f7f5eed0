// Stand-in for jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java @ jenkins-2.479.3 (signatures; see docs/standins.md)
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/**
 * Allows you to add actions to any kind of object at once.
 * @param <T> the type of object to add to; typically an {@code Actionable} subtype,
 *            but may specify a type such as {@code TopLevelItem} most of whose implementations are {@code Actionable}
 * @since 1.548
 *
 * Omitted upstream members: the internal {@code Cache} extension and {@code factoriesFor(..)} (both
 * {@code @Restricted(NoExternalUse.class)}).
 */
public abstract class TransientActionFactory<T> implements ExtensionPoint {

    /**
     * The type of object this factory cares about.
     * Declared separately, rather than by having {@link #createFor} do a check-cast,
     * so that method bodies are not loaded until actually needed.
     * @return the type of {@link T}
     */
    public abstract Class<T> type();

    /**
     * A supertype of any actions this factory might produce.
     * Defined so that factories which produce irrelevant actions need not be consulted by, e.g., {@code Actionable#getAction(Class)}.
     * For historical reasons this defaults to {@link Action} itself.
     * If your implementation was returning multiple disparate kinds of actions, it is best to split it into two factories.
     * <p>If an API defines a abstract {@link Action} subtype and you are providing a concrete implementation,
     * you may return the API type here to delay class loading.
     * @return a bound for the result of {@link #createFor}
     * @since 2.34
     */
    public /* abstract */ Class<? extends Action> actionType() {
        return Action.class;
    }

    /**
     * Creates actions for a given object.
     * This may be called frequently for the same object, so if your implementation is expensive, do your own caching.
     * @param target an actionable object
     * @return a possible empty set of actions (typically either using {@link java.util.Collections#emptySet} or {@link java.util.Collections#singleton})
     */
    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);

}

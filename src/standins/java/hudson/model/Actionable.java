// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ModelObject} that can have additional {@link Action}s.
 *
 * <p>The persisted action list is ported. Upstream consults {@code TransientActionFactory}s through
 * {@code ExtensionList.lookupSingleton(TransientActionFactory.Cache.class)}, which without a running Jenkins
 * throws {@link IllegalStateException}; the stand-in does the same at the same points
 * ({@link #getAllActions()}, {@link #getActions(Class)}, and {@link #getAction(Class)} when no persisted action matches).
 * Upstream supertypes ({@code AbstractModelObject, ModelObjectWithContextMenu}) are left out.
 */
public abstract class Actionable {
    /**
     * Actions contributed to this model object.
     */
    private volatile CopyOnWriteArrayList<Action> actions;

    /**
     * Gets actions contributed to this object.
     *
     * @return a possibly empty list
     * @deprecated Normally outside code should not call this method any more.
     *             Use {@link #getAllActions}, or {@link #addAction}, or {@link #replaceAction}.
     */
    @Deprecated
    @NonNull
    public List<Action> getActions() {
        //this double checked synchronization is only safe if the field 'actions' is volatile
        if (actions == null) {
            synchronized (this) {
                if (actions == null) {
                    actions = new CopyOnWriteArrayList<>();
                }
            }
        }
        return actions;
    }

    /**
     * Gets all actions, transient or persistent.
     * {@link #getActions} is supplemented with anything contributed by {@code TransientActionFactory}.
     * @return an unmodifiable, possible empty list
     * @since 1.548
     */
    @NonNull
    public final List<? extends Action> getAllActions() {
        List<Action> _actions = getActions();
        transientActionFactories();
        return Collections.unmodifiableList(_actions);
    }

    /**
     * Gets all actions of a specified type that contributed to this object.
     *
     * @param type The type of action to return.
     * @return
     *      may be empty but never null.
     * @see #getAction(Class)
     */
    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        List<T> _actions = new ArrayList<>();
        for (Action a : getActions()) {
            if (type.isInstance(a)) {
                _actions.add(type.cast(a));
            }
        }
        transientActionFactories();
        return Collections.unmodifiableList(_actions);
    }

    /**
     * Adds a new action.
     * Note: calls to {@link #getAllActions()} that happen before calls to this method may not see the update.
     */
    @SuppressWarnings("ConstantConditions")
    public void addAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        getActions().add(a);
    }

    /**
     * Add an action, replacing any existing actions of the (exact) same class.
     * @deprecated prefer {@link #addOrReplaceAction(Action)}
     */
    @Deprecated
    public void replaceAction(@NonNull Action a) {
        addOrReplaceAction(a);
    }

    /**
     * Add an action, replacing any existing actions of the (exact) same class.
     * @return true if this actions changed as a result of the call
     * @since 2.29
     */
    @SuppressWarnings("ConstantConditions")
    public boolean addOrReplaceAction(@NonNull Action a) {
        if (a == null) {
            throw new IllegalArgumentException("Action must be non-null");
        }
        // CopyOnWriteArrayList does not support Iterator.remove, so need to do it this way:
        List<Action> old = new ArrayList<>(1);
        List<Action> current = getActions();
        boolean found = false;
        for (Action a2 : current) {
            if (!found && a.equals(a2)) {
                found = true;
            } else  if (a2.getClass() == a.getClass()) {
                old.add(a2);
            }
        }
        current.removeAll(old);
        if (!found) {
            addAction(a);
        }
        return !found || !old.isEmpty();
    }

    /**
     * Remove an action.
     * @return true if this actions changed as a result of the call
     * @since 2.29
     */
    public boolean removeAction(@Nullable Action a) {
        if (a == null) {
            return false;
        }
        // CopyOnWriteArrayList does not support Iterator.remove, so need to do it this way:
        return getActions().removeAll(Set.of(a));
    }

    /**
     * Removes any actions of the specified type.
     * @return true if this actions changed as a result of the call
     * @since 2.29
     */
    @SuppressWarnings("ConstantConditions")
    public boolean removeActions(@NonNull Class<? extends Action> clazz) {
        if (clazz == null) {
            throw new IllegalArgumentException("Action type must be non-null");
        }
        // CopyOnWriteArrayList does not support Iterator.remove, so need to do it this way:
        List<Action> old = new ArrayList<>();
        List<Action> current = getActions();
        for (Action a : current) {
            if (clazz.isInstance(a)) {
                old.add(a);
            }
        }
        return current.removeAll(old);
    }

    /**
     * Gets the action (first instance to be found) of a specified type that contributed to this build.
     *
     * @return The action or {@code null} if no such actions exist.
     * @see #getActions(Class)
     */
    public <T extends Action> T getAction(Class<T> type) {
        // Shortcut: if the persisted list has one, return it.
        for (Action a : getActions()) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        // Otherwise check transient factories.
        transientActionFactories();
        return null;
    }

    /** Upstream: {@code TransientActionFactory.factoriesFor(..)}, which needs a running Jenkins. */
    private static void transientActionFactories() {
        throw new IllegalStateException("Expected 1 instance of jenkins.model.TransientActionFactory$Cache but got 0");
    }
}

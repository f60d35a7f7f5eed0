// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java @ jenkins-2.479.3 (behaviour ported where Jenkins is not needed; see docs/standins.md)
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.security.Permission;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Metadata about a configurable instance.
 *
 * <p>Ported: both constructors (including the outer-class inference and its type checks of the no-argument
 * constructor), {@link #getDisplayName}, {@link #getId}, {@link #getT}, {@link #configure(StaplerRequest2, JSONObject)}
 * (upstream's default returns {@code true} through the deprecated overloads, which are not mirrored here),
 * {@link #isInstance}, {@link #isSubTypeOf}, the {@code find*} helpers and {@link FormException}.
 * {@link #load()} and {@link #save()} need {@code Jenkins.get().getRootDir()} upstream, so here, as upstream
 * without a running Jenkins, they throw {@link IllegalStateException}; as upstream, {@link #save()} first returns
 * quietly while the descriptor is inside a {@link BulkChange}.
 * Upstream supertypes {@code Loadable, OnMaster} are left out.
 */
public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    /**
     * The class being described by this descriptor.
     */
    public final transient Class<? extends T> clazz;

    /**
     *
     * @param clazz
     *      Pass in {@link #self()} to have the descriptor describe itself,
     *      (this hack is needed since derived types can't call "getClass()" to refer to itself.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Descriptor(Class<? extends T> clazz) {
        if (clazz == self())
            clazz = (Class) getClass();
        this.clazz = clazz;
        // doing this turns out to be very error prone,
        // as field initializers in derived types will override values.
        // load();
    }

    /**
     * Infers the type of the corresponding {@link Describable} from the outer class.
     * This version works when you follow the common convention, where a descriptor
     * is written as the static nested class of the describable class.
     *
     * @since 1.278
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Descriptor() {
        this.clazz = (Class<T>) getClass().getEnclosingClass();
        if (clazz == null)
            throw new AssertionError(getClass() + " doesn't have an outer class. Use the constructor that takes the Class object explicitly.");

        // detect an type error
        Type bt = baseClass(getClass());
        if (bt instanceof ParameterizedType pt) {
            // this 't' is the closest approximation of T of Descriptor<T>.
            Class t = erasure(pt.getActualTypeArguments()[0]);
            if (t != null && !t.isAssignableFrom(clazz))
                throw new AssertionError("Outer class " + clazz + " of " + getClass() + " is not assignable to " + t + ". Perhaps wrong outer class?");
        }

        // detect a type error. this Descriptor is supposed to be returned from getDescriptor(), so make sure its type match up.
        try {
            Method getd = clazz.getMethod("getDescriptor");
            if (!getd.getReturnType().isAssignableFrom(getClass())) {
                throw new AssertionError(getClass() + " must be assignable to " + getd.getReturnType());
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(getClass() + " is missing getDescriptor method.", e);
        }

    }

    /**
     * Human readable name of this kind of configurable object.
     * Should be overridden for most descriptors, if the display name is visible somehow.
     * As a fallback it uses {@link Class#getSimpleName} on {@link #clazz}.
     */
    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    /**
     * Uniquely identifies this {@link Descriptor} among all the other {@link Descriptor}s.
     *
     * @since 1.391
     */
    public String getId() {
        return clazz.getName();
    }

    /**
     * Unlike {@link #clazz}, return the parameter type 'T', which determines
     * the {@code DescriptorExtensionList} that this goes to.
     */
    @SuppressWarnings("unchecked")
    public Class<T> getT() {
        Type subTyping = baseClass(getClass());
        if (!(subTyping instanceof ParameterizedType)) {
            throw new IllegalStateException(getClass() + " doesn't extend Descriptor with a type parameter.");
        }
        return (Class<T>) erasure(((ParameterizedType) subTyping).getActualTypeArguments()[0]);
    }

    /**
     * Checks if the given object is created from this {@link Descriptor}.
     */
    public final boolean isInstance(T instance) {
        return clazz.isInstance(instance);
    }

    /**
     * Checks if the type represented by this descriptor is a subtype of the given type.
     */
    @SuppressWarnings("rawtypes")
    public final boolean isSubTypeOf(Class type) {
        return type.isAssignableFrom(clazz);
    }

    /**
     * Invoked when the global configuration page is submitted.
     *
     * Can be overridden to store descriptor-specific information.
     *
     * @param json
     *      The JSON object that captures the configuration data for this {@link Descriptor}.
     * @return false
     *      to keep the client in the same config page.
     * @since 2.475
     */
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // upstream: delegates to the deprecated StaplerRequest overloads, whose default returns true
        return true;
    }

    /**
     * Returns the permission type needed in order to access the global config page of this descriptor.
     * By default, requires {@link Jenkins#ADMINISTER} permission.
     *
     * @since 2.222
     */
    public @NonNull
    Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }

    /**
     * Saves the configuration info to the disk.
     * Needs a running Jenkins (upstream writes {@code $JENKINS_HOME/<id>.xml}).
     */
    @Override
    public synchronized void save() {
        if (BulkChange.contains(this))   return;
        Jenkins.get(); // upstream: getConfigFile() -> Jenkins.get().getRootDir(); throws IllegalStateException here
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Loads the data from the disk into this object.
     * Needs a running Jenkins (upstream reads {@code $JENKINS_HOME/<id>.xml}).
     *
     * <p>
     * The constructor of the derived class must call this method.
     * (If we do that in the base class, the derived class won't
     * get a chance to set default values.)
     */
    public synchronized void load() {
        Jenkins.get(); // upstream: getConfigFile() -> Jenkins.get().getRootDir(); throws IllegalStateException here
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Finds a descriptor from a collection by its ID.
     * @param id should match {@link #getId}
     * @since 1.610
     */
    @SuppressWarnings("rawtypes")
    public static @CheckForNull <T extends Descriptor> T findById(Collection<? extends T> list, String id) {
        for (T d : list) {
            if (d.getId().equals(id))
                return d;
        }
        return null;
    }

    /**
     * Finds a descriptor from a collection by the class name of the {@link Describable} it describes.
     * @param className should match {@link Class#getName} of a {@link #clazz}
     * @since 1.610
     */
    @SuppressWarnings("rawtypes")
    public static @CheckForNull <T extends Descriptor> T findByDescribableClassName(Collection<? extends T> list, String className) {
        for (T d : list) {
            if (d.clazz.getName().equals(className))
                return d;
        }
        return null;
    }

    /**
     * Signals a problem in the submitted form.
     * (Upstream also implements Stapler's {@code HttpResponse}; not mirrored.)
     */
    public static final class FormException extends Exception {
        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            this.formField = formField;
        }

        /**
         * Which form field contained an error?
         */
        public String getFormField() {
            return formField;
        }
    }

    /**
     * Special type indicating that {@link Descriptor} describes itself.
     * @see Descriptor#Descriptor(Class)
     */
    public static final class Self {}

    @SuppressWarnings("rawtypes")
    protected static Class self() { return Self.class; }

    // ---- replacement for org.jvnet.tiger_types.Types.getBaseClass/erasure, as used above ----

    /** The parameterization of {@link Descriptor} as seen from {@code type}, with type variables resolved where possible. */
    private static Type baseClass(Class<?> type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type t = type;
        while (t != null) {
            Class<?> raw = erasure(t);
            if (raw == null) return null;
            if (t instanceof ParameterizedType pt) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = pt.getActualTypeArguments();
                for (int i = 0; i < vars.length && i < args.length; i++) {
                    Type a = args[i];
                    while (a instanceof TypeVariable<?> && bindings.containsKey(a) && bindings.get(a) != a) a = bindings.get(a);
                    bindings.put(vars[i], a);
                }
            }
            if (raw == Descriptor.class) {
                if (!(t instanceof ParameterizedType pt)) return t;
                Type arg = pt.getActualTypeArguments()[0];
                while (arg instanceof TypeVariable<?> && bindings.containsKey(arg) && bindings.get(arg) != arg) arg = bindings.get(arg);
                final Type resolved = arg;
                return new ParameterizedType() {
                    @Override public Type[] getActualTypeArguments() { return new Type[] {resolved}; }
                    @Override public Type getRawType() { return Descriptor.class; }
                    @Override public Type getOwnerType() { return null; }
                };
            }
            t = raw.getGenericSuperclass();
        }
        return null;
    }

    private static Class<?> erasure(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType pt) return (Class<?>) pt.getRawType();
        if (t instanceof TypeVariable<?> tv) {
            Type[] bounds = tv.getBounds();
            return bounds.length == 0 ? Object.class : erasure(bounds[0]);
        }
        return null;
    }
}

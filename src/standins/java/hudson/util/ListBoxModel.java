// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/**
 * Model object of dynamically filled list box.
 *
 * Ported except for the Stapler rendering ({@code writeTo}, {@code generateResponse}); the {@code HttpResponse}
 * supertype and the {@code @ExportedBean}/{@code @Exported} annotations are left out.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

    public static final class Option {
        /**
         * Text to be displayed to user.
         */
        @NonNull
        public String name;
        /**
         * The value that gets sent to the server when the form is submitted.
         */
        @NonNull
        public String value;

        /**
         * True to make this item selected.
         */
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            this(name, value, false);
        }

        public Option(@NonNull String name) {
            this(name, name, false);
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
            this.name = name;
            this.value = value;
            this.selected = selected;
        }

        @Override public String toString() {
            return name + "=" + value + (selected ? "[selected]" : "");
        }

    }

    public ListBoxModel(int initialCapacity) {
        super(initialCapacity);
    }

    public ListBoxModel() {
    }

    public ListBoxModel(Collection<Option> c) {
        super(c);
    }

    public ListBoxModel(Option... data) {
        super(Arrays.asList(data));
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        add(new Option(displayName, value));
    }

    public void add(ModelObject usedForDisplayName, @NonNull String value) {
        add(usedForDisplayName.getDisplayName(), value);
    }

    /**
     * A version of the {@link #add(String, String)} method where the display name and the value are the same.
     */
    public ListBoxModel add(@NonNull String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    /**
     * @deprecated
     *      Exposed for stapler. Not meant for programmatic consumption.
     */
    @Deprecated
    public Option[] values() {
        return toArray(new Option[size()]);
    }
}

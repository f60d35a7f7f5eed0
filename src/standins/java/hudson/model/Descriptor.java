// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.model;

import hudson.security.Permission;

public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException("stand-in");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static final class FormException extends Exception {
        private final String field;

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            field = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            field = formField;
        }

        public String getFormField() {
            return field;
        }
    }
}

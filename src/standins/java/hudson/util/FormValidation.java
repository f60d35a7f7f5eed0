// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.util;

import java.io.IOException;
import java.util.Collection;

public abstract class FormValidation extends IOException {
    FormValidation() {
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation aggregate(Collection<FormValidation> validations) {
        throw new UnsupportedOperationException("stand-in");
    }
}

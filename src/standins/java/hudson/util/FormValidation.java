// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Collection;

/**
 * Represents the result of the form field validation.
 *
 * <p>Ported: {@link #kind}, the exception message ({@link #getMessage()}, HTML-escaped by {@link #ok(String)},
 * {@link #warning(String)} and {@link #error(String)} via {@link Util#escape}; null for the shared {@link #ok()}
 * and for {@link #respond}), {@link #renderHtml()} as upstream renders it outside an HTTP request (the bare
 * message; inside a Stapler request upstream wraps it in {@code <div class="error">}), {@link #toString()},
 * {@link #aggregate}, and the {@code validate*} helpers with the English texts of upstream's
 * {@code Messages.properties} (formatted with {@link MessageFormat} like localizer does).
 * Not mirrored: the {@code Throwable} overloads, {@code validateExecutable}, {@code validateBase64},
 * {@code URLCheck}, {@code FileValidator}, {@code CheckMethod}, and the Stapler {@code HttpResponse} side
 * ({@code generateResponse}, {@code respond(StaplerResponse2, String)}); the {@code HttpResponse} supertype is left out.
 */
public abstract class FormValidation extends IOException {
    /**
     * Indicates the kind of result.
     */
    public enum Kind {
        /**
         * Form field value was OK and no problem was detected.
         */
        OK,
        /**
         * Form field value contained something suspicious.
         * For some limited use cases the value could be valid, but we suspect otherwise.
         */
        WARNING,
        /**
         * Form field value contained a problem that should be corrected.
         */
        ERROR
    }

    /**
     * Sends out a string error message that indicates an error.
     *
     * @param message
     *      Human readable message to be sent. {@code error(null)}
     *      can be used as {@code ok()}.
     */
    public static FormValidation error(String message) {
        return errorWithMarkup(message == null ? null : Util.escape(message));
    }

    public static FormValidation warning(String message) {
        return warningWithMarkup(message == null ? null : Util.escape(message));
    }

    public static FormValidation ok(String message) {
        return okWithMarkup(message == null ? null : Util.escape(message));
    }

    /**
     * Singleton instance that represents "OK".
     */
    private static final FormValidation OK = respond(Kind.OK, "<div/>");

    public static FormValidation ok() {
        return OK;
    }

    /**
     * Sends out a string error message that indicates an error,
     * by formatting it with {@link String#format(String, Object[])}
     */
    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    /**
     * Aggregate multiple validations into one.
     *
     * @return Validation of the least successful kind aggregating all child messages.
     * @since 1.590
     */
    public static @NonNull FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
        if (validations == null || validations.isEmpty()) return FormValidation.ok();

        if (validations.size() == 1) return validations.iterator().next();

        final StringBuilder sb = new StringBuilder("<ul style='list-style-type: none; padding-left: 0; margin: 0'>");
        FormValidation.Kind worst = Kind.OK;
        for (FormValidation validation : validations) {
            sb.append("<li>").append(validation.renderHtml()).append("</li>");

            if (validation.kind.ordinal() > worst.ordinal()) {
                worst = validation.kind;
            }
        }
        sb.append("</ul>");

        return respond(worst, sb.toString());
    }

    /**
     * Sends out an HTML fragment that indicates an error.
     *
     * <p>
     * This method must be used with care to avoid cross-site scripting
     * attack.
     *
     * @param message
     *      Human readable message to be sent. {@code error(null)}
     *      can be used as {@code ok()}.
     */
    public static FormValidation errorWithMarkup(String message) {
        return _errorWithMarkup(message, Kind.ERROR);
    }

    public static FormValidation warningWithMarkup(String message) {
        return _errorWithMarkup(message, Kind.WARNING);
    }

    public static FormValidation okWithMarkup(String message) {
        return _errorWithMarkup(message, Kind.OK);
    }

    private static FormValidation _errorWithMarkup(final String message, final Kind kind) {
        if (message == null)
            return ok();
        return new FormValidation(kind, message) {
            @Override
            public String renderHtml() {
                // upstream: with a current Stapler request, "<div class=\"" + kind + "\">" + message + "</div>"
                return message;
            }

            @Override public String toString() {
                return kind + ": " + message;
            }
        };
    }

    /**
     * Sends out an arbitrary HTML fragment as the output.
     */
    public static FormValidation respond(Kind kind, final String html) {
        return new FormValidation(kind) {
            @Override
            public String renderHtml() {
                return html;
            }

            @Override public String toString() {
                return kind + ": " + html;
            }
        };
    }

    /**
     * Makes sure that the given string is a non-negative integer.
     */
    public static FormValidation validateNonNegativeInteger(String value) {
        try {
            if (Integer.parseInt(value) < 0)
                return error("Number may not be negative");
            return ok();
        } catch (NumberFormatException e) {
            return error("Not a number");
        }
    }

    /**
     * Make sure that the given string is an integer in the range specified by the lower and upper bounds (both inclusive)
     *
     * @param value the value to check
     * @param lower the lower bound (inclusive)
     * @param upper the upper bound (inclusive)
     *
     * @since 2.104
     */
    public static FormValidation validateIntegerInRange(String value, int lower, int upper) {
        try {
            int intValue = Integer.parseInt(value);
            if (intValue < lower) {
                return error(MessageFormat.format("Must be {0} or greater", lower));
            }
            if (intValue > upper) {
                return error(MessageFormat.format("Must be {0} or less", upper));
            }
            return ok();
        } catch (NumberFormatException e) {
            return error("Not a number");
        }
    }

    /**
     * Makes sure that the given string is a positive integer.
     */
    public static FormValidation validatePositiveInteger(String value) {
        try {
            if (Integer.parseInt(value) <= 0)
                return error("Not a positive number");
            return ok();
        } catch (NumberFormatException e) {
            return error("Not a number");
        }
    }

    /**
     * Makes sure that the given string is not null or empty.
     */
    public static FormValidation validateRequired(String value) {
        if (Util.fixEmptyAndTrim(value) == null)
            return error("Required");
        return ok();
    }

    public final Kind kind;

    /**
     * Instances should be created via one of the factory methods above.
     */
    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public abstract String renderHtml();
}

package io.jenkins.plugins.rustcargo.jenkins.form;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a form field check answers, as a plain value: the rules ({@code sweep.FormChecks},
 * {@code step.StepValidation}) produce it and are tested on it; {@link #toFormValidation} is the only
 * place that speaks Stapler's {@link FormValidation}.
 *
 * @param message plain text (Jenkins escapes it), or null for a bare OK
 * @param parts the individual answers of an aggregate, in order; empty for a single answer
 */
public record FormCheck(Kind kind, @CheckForNull String message, List<FormCheck> parts) {
    /** In order of severity. */
    public enum Kind { OK, WARNING, ERROR }

    public static FormCheck ok() {
        return new FormCheck(Kind.OK, null, List.of());
    }

    public static FormCheck ok(String message) {
        return new FormCheck(Kind.OK, message, List.of());
    }

    public static FormCheck warning(String message) {
        return new FormCheck(Kind.WARNING, message, List.of());
    }

    public static FormCheck error(String message) {
        return new FormCheck(Kind.ERROR, message, List.of());
    }

    /** Several answers shown together; the most severe kind is the aggregate's kind. */
    public static FormCheck all(List<FormCheck> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Kind worst = Kind.OK;
        for (FormCheck p : parts) {
            worst = p.kind.compareTo(worst) > 0 ? p.kind : worst;
        }
        return new FormCheck(worst, null, List.copyOf(parts));
    }

    /** Every message of this answer and its parts, in order. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        if (message != null) {
            out.add(message);
        }
        parts.forEach(p -> out.addAll(p.messages()));
        return out;
    }

    public FormValidation toFormValidation() {
        if (!parts.isEmpty()) {
            return FormValidation.aggregate(parts.stream().map(FormCheck::toFormValidation).toList());
        }
        return switch (kind) {
            case OK -> message == null ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }
}

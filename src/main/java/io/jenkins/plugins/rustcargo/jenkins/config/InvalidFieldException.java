package io.jenkins.plugins.rustcargo.jenkins.config;

/**
 * A setter refused a value: says which form field (and JCasC key) it came from, so the form
 * marks that field rather than a neighbour.
 */
final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}

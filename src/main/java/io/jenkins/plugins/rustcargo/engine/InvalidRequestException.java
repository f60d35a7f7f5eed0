package io.jenkins.plugins.rustcargo.engine;

/** Bad input, detected before anything runs or changes. */
public class InvalidRequestException extends RustCargoException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String oneLine) {
        super(oneLine);
    }
}

package io.jenkins.plugins.rustcargo.engine;

/**
 * Base of every failure the engine reports. The message is always one line, written for the
 * person reading the build log: what went wrong and what to do about it.
 */
public class RustCargoException extends Exception {
    private static final long serialVersionUID = 1L;

    public RustCargoException(String oneLine) {
        super(oneLine);
    }

    public RustCargoException(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }
}

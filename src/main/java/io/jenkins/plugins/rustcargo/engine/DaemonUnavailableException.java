package io.jenkins.plugins.rustcargo.engine;

/** The BuildKit daemon could not be reached or started. */
public class DaemonUnavailableException extends RustCargoException {
    private static final long serialVersionUID = 1L;

    public DaemonUnavailableException(String oneLine) {
        super(oneLine);
    }
}

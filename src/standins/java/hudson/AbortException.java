// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/AbortException.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package hudson;

import java.io.IOException;

/**
 * Signals a failure where the error was anticipated and diagnosed: the message is printed
 * to the build log without a stack trace.
 */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }

    private static final long serialVersionUID = 1L;
}

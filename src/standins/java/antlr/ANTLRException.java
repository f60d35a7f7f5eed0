// Stand-in for jenkinsci/jenkins core/src/main/java/antlr/ANTLRException.java @ jenkins-2.479.3 (complete; see docs/standins.md)
package antlr;

/**
 * This class is for backward compatibility only; catch {@link IllegalArgumentException} instead.
 * {@link hudson.scheduler.CronTabList#create} still throws it.
 */
@Deprecated
public class ANTLRException extends IllegalArgumentException {
    public ANTLRException(String message) {
        super(message);
    }

    public ANTLRException(String message, Throwable cause) {
        super(message, cause);
    }

    public ANTLRException(Throwable cause) {
        super(cause);
    }
}

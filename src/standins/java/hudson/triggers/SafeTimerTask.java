// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/triggers/SafeTimerTask.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.triggers;

import java.io.File;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Wrapper so that a fatal error in {@link TimerTask} will not terminate the timer.
 *
 * <p>Ported except that {@link #run()} does not switch to the SYSTEM authentication (there is no Spring
 * Security context in the stand-in world) and the static factory {@code of(ExceptionRunnable)} is omitted.
 * {@link #getLogsRoot()} honours the {@code hudson.triggers.SafeTimerTask.logsTargetDir} system property
 * and otherwise needs {@code Jenkins.get()} (so it throws {@link IllegalStateException} without Jenkins).
 */
public abstract class SafeTimerTask extends TimerTask {

    /**
     * System property to change the location where (tasks) logging should be sent.
     */
    static final String LOGS_ROOT_PATH_PROPERTY = SafeTimerTask.class.getName() + ".logsTargetDir";

    private static boolean ALREADY_LOGGED = false;

    @Override
    public final void run() {
        // upstream: try (ACLContext ctx = ACL.as2(ACL.SYSTEM2))
        try {
            doRun();
        } catch (Throwable t) {
            LOGGER.log(Level.SEVERE, "Timer task " + this + " failed", t);
        }
    }

    protected abstract void doRun() throws Exception;


    /**
     * The root path that should be used to put logs related to the tasks running in Jenkins.
     *
     * @see #LOGS_ROOT_PATH_PROPERTY
     * @return the path where the logs should be put.
     * @since 2.114
     */
    public static File getLogsRoot() {
        String tagsLogsPath = System.getProperty(LOGS_ROOT_PATH_PROPERTY);
        if (tagsLogsPath == null) {
            return new File(Jenkins.get().getRootDir(), "logs");
        } else {
            Level logLevel = Level.INFO;
            if (ALREADY_LOGGED) {
                logLevel = Level.FINE;
            }
            LOGGER.log(logLevel,
                       "Using non default root path for tasks logging: {0}. (Beware: no automated migration if you change or remove it again)",
                       LOGS_ROOT_PATH_PROPERTY);
            ALREADY_LOGGED = true;
            return new File(tagsLogsPath);
        }
    }

    private static final Logger LOGGER = Logger.getLogger(SafeTimerTask.class.getName());
}

// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/PeriodicWork.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.triggers.SafeTimerTask;
import java.util.Random;
import java.util.logging.Logger;

/**
 * Extension point to perform a periodic task in Hudson (through {@code java.util.Timer}.)
 *
 * <p>
 * This extension point is useful if your plugin needs to perform some work in the background periodically
 * (for example, monitoring, polling, etc.)
 *
 * <p>Ported except for the scheduling itself (upstream's {@code @Initializer init()} schedules every
 * {@code @Extension} instance on {@code jenkins.util.Timer} at {@link #getInitialDelay()} /
 * {@link #getRecurrencePeriod()}); call {@link #run()} yourself in tests.
 */
public abstract class PeriodicWork extends SafeTimerTask implements ExtensionPoint {

    /** @deprecated Use your own logger, or send messages to the logger in {@link AsyncPeriodicWork#execute}. */
    @SuppressWarnings("NonConstantLogger")
    @Deprecated
    protected final Logger logger = Logger.getLogger(getClass().getName());

    /**
     * Gets the number of milliseconds between successive executions.
     *
     * <p>
     * Hudson calls this method once to set up a recurring timer, instead of
     * calling this each time after the previous execution completed. So this class cannot be
     * used to implement a non-regular recurring timer.
     *
     * <p>
     * IOW, the method should always return the same value.
     */
    public abstract long getRecurrencePeriod();

    /**
     * Gets the number of milliseconds til the first execution.
     *
     * <p>
     * By default it chooses the value randomly between 0 and {@link #getRecurrencePeriod()}
     */
    public long getInitialDelay() {
        long l = RANDOM.nextLong();
        // Math.abs(Long.MIN_VALUE)==Long.MIN_VALUE!
        if (l == Long.MIN_VALUE)
            l++;
        return Math.abs(l) % getRecurrencePeriod();
    }

    /**
     * Returns all the registered {@link PeriodicWork}s (empty without a running Jenkins).
     */
    public static ExtensionList<PeriodicWork> all() {
        return ExtensionList.lookup(PeriodicWork.class);
    }

    // time constants
    protected static final long MIN = 1000 * 60;
    protected static final long HOUR = 60 * MIN;
    protected static final long DAY = 24 * HOUR;

    private static final Random RANDOM = new Random();
}

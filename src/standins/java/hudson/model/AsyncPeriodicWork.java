// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/model/AsyncPeriodicWork.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson.model;

import hudson.util.StreamTaskListener;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import jenkins.model.Jenkins;

/**
 * {@link PeriodicWork} that takes a long time to run.
 *
 * <p>
 * Subclasses will implement the {@link #execute(TaskListener)} method and can carry out a long-running task.
 * This runs in a separate thread so as not to block the timer thread, and this class handles
 * all those details.
 *
 * <p>Ported, including: a run is skipped (logged "thread is still running. Execution aborted.") while the
 * previous one is alive (2.479.3 has no {@code queueIfAlreadyRunning()}); the task log
 * {@code <logs root>/tasks/<name>.log} is created lazily on first write, with upstream's rotation.
 * Differences: {@link #execute} does not run as SYSTEM (no Spring Security context here), and the logs root
 * needs either the {@code hudson.triggers.SafeTimerTask.logsTargetDir} system property or a running Jenkins
 * (otherwise the first write to the listener throws {@link IllegalStateException} inside the worker thread,
 * exactly as upstream would).
 */
public abstract class AsyncPeriodicWork extends PeriodicWork {
    /**
     * The default number of minutes after which to try and rotate the log file used by {@link #createListener()}.
     */
    private static final long LOG_ROTATE_MINUTES = Long.getLong(AsyncPeriodicWork.class.getName() + ".logRotateMinutes",
            TimeUnit.DAYS.toMinutes(1));
    /**
     * The default file size after which to try and rotate the log file used by {@link #createListener()}.
     */
    private static final long LOG_ROTATE_SIZE = Long.getLong(AsyncPeriodicWork.class.getName() + ".logRotateSize", 10485760L);
    private final long logRotateMillis;
    private final long logRotateSize;
    private long lastRotateMillis = Long.MIN_VALUE;
    /**
     * Human readable name of the work.
     */
    public final String name;

    private Thread thread;

    protected AsyncPeriodicWork(String name) {
        this.name = name;
        this.logRotateMillis = TimeUnit.MINUTES.toMillis(
                Long.getLong(getClass().getName() + ".logRotateMinutes", LOG_ROTATE_MINUTES));
        this.logRotateSize = Long.getLong(getClass().getName() + ".logRotateSize", LOG_ROTATE_SIZE);
    }

    /**
     * Schedules this periodic work now in a new thread, if one isn't already running.
     */
    @Override
    @SuppressWarnings("deprecation") // in this case we really want to use PeriodicWork.logger since it reports the impl class
    public final void doRun() {
        try {
            if (thread != null && thread.isAlive()) {
                logger.log(this.getSlowLoggingLevel(), "{0} thread is still running. Execution aborted.", name);
                return;
            }
            thread = new Thread(() -> {
                logger.log(Level.FINE, "Started {0}", name);
                long startTime = System.currentTimeMillis();
                long stopTime;

                LazyTaskListener l = new LazyTaskListener(this::createListener, String.format("Started at %tc", new Date(startTime)));
                try {
                    // upstream: try (ACLContext ctx = ACL.as2(ACL.SYSTEM2))
                    execute(l);
                } catch (IOException e) {
                    printStackTrace(e, l.fatalError(e.getMessage()));
                } catch (InterruptedException e) {
                    printStackTrace(e, l.fatalError("aborted"));
                } finally {
                    stopTime = System.currentTimeMillis();
                    l.close(String.format("Finished at %tc. %dms", new Date(stopTime), stopTime - startTime));
                }

                logger.log(Level.FINE, "Finished {0}. {1,number} ms",
                        new Object[]{name, stopTime - startTime});
            }, name + " thread");
            thread.start();
        } catch (Throwable t) {
            LogRecord lr = new LogRecord(this.getErrorLoggingLevel(), "{0} thread failed with error");
            lr.setThrown(t);
            lr.setParameters(new Object[]{name});
            logger.log(lr);
        }
    }

    private static void printStackTrace(Throwable t, PrintWriter pw) {
        t.printStackTrace(pw);
        pw.flush();
    }

    static final class LazyTaskListener implements TaskListener {

        private final Supplier<StreamTaskListener> supplier;
        private final String openingMessage;
        private StreamTaskListener delegate;

        LazyTaskListener(Supplier<StreamTaskListener> supplier, String openingMessage) {
            this.supplier = supplier;
            this.openingMessage = openingMessage;
        }

        @Override
        public synchronized PrintStream getLogger() {
            if (delegate == null) {
                delegate = supplier.get();
                delegate.getLogger().println(openingMessage);
            }
            return delegate.getLogger();
        }

        synchronized void close(String closingMessage) {
            if (delegate != null) {
                try {
                    delegate.getLogger().println(closingMessage);
                } finally {
                    delegate.closeQuietly();
                }
            }
        }

    }

    /**
     * Creates a new {@link TaskListener} that is used when executing the task.
     */
    protected StreamTaskListener createListener() {
        File f = getLogFile();
        if (!f.getParentFile().isDirectory()) {
            if (!f.getParentFile().mkdirs()) {
                logger.log(getErrorLoggingLevel(), "Could not create directory {0}", f.getParentFile());
            }
        }
        if (f.isFile()) {
            if (lastRotateMillis + logRotateMillis < System.currentTimeMillis()
                    || (logRotateSize > 0 && f.length() > logRotateSize)) {
                lastRotateMillis = System.currentTimeMillis();
                File prev = null;
                for (int i = 5; i >= 0; i--) {
                    File curr = i == 0 ? f : new File(f.getParentFile(), f.getName() + "." + i);
                    if (curr.isFile()) {
                        if (prev != null && !prev.exists()) {
                            if (!curr.renameTo(prev)) {
                                logger.log(getErrorLoggingLevel(), "Could not rotate log files {0} to {1}",
                                        new Object[]{curr, prev});
                            }
                        } else {
                            if (!curr.delete()) {
                                logger.log(getErrorLoggingLevel(), "Could not delete log file {0} to enable rotation",
                                        curr);
                            }
                        }
                    }
                    prev = curr;
                }
            }
        } else {
            lastRotateMillis = System.currentTimeMillis();
            // migrate old log files the first time we start-up
            File oldFile = new File(Jenkins.get().getRootDir(), f.getName());
            if (oldFile.isFile()) {
                File newFile = new File(f.getParentFile(), f.getName() + ".1");
                if (!newFile.isFile()) {
                    // if there has never been rotation then this is the first time
                    if (oldFile.renameTo(newFile)) {
                        logger.log(getNormalLoggingLevel(), "Moved {0} to {1}", new Object[]{oldFile, newFile});
                    } else {
                        logger.log(getErrorLoggingLevel(), "Could not move {0} to {1}",
                                new Object[]{oldFile, newFile});
                    }
                }
            }
        }
        try {
            return new StreamTaskListener(f, true, null);
        } catch (IOException e) {
            throw new Error(e);
        }
    }

    /**
     * Determines the log file that records the result of this task.
     */
    protected File getLogFile() {
        return new File(getLogsRoot(), "/tasks/" + name + ".log");
    }

    /**
     * Returns the logging level at which normal messages are displayed.
     *
     * @return The logging level as @Level.
     *
     * @since 1.551
     */
    protected Level getNormalLoggingLevel() {
        return Level.INFO;
    }

    /**
     * Returns the logging level at which previous task still executing messages is displayed.
     *
     * @return The logging level as @Level.
     *
     * @since 1.565
     */
    protected Level getSlowLoggingLevel() {
        return getNormalLoggingLevel();
    }

    /**
     * Returns the logging level at which error messages are displayed.
     *
     * @return The logging level as @Level.
     *
     * @since 1.551
     */
    protected Level getErrorLoggingLevel() {
        return Level.SEVERE;
    }

    /**
     * Executes the task.
     *
     * @param listener
     *      Output sent will be reported to the users. (this work is TBD.)
     * @throws InterruptedException
     *      The caller will record the exception and moves on.
     * @throws IOException
     *      The caller will record the exception and moves on.
     */
    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}

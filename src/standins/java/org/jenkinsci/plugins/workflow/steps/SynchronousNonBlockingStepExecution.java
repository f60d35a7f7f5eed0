// Stand-in for jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java @ 710.v3e456cc85233 (behaviour ported; see docs/standins.md)
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Similar to {@code SynchronousStepExecution} (it executes synchronously too) but it does not block the CPS VM thread.
 *
 * <p>Ported: {@link #start()} submits {@link #run()} to a shared cached pool of daemon threads and returns false;
 * the result goes to {@code onSuccess}, any throwable to {@code onFailure} unless {@link #stop} came first (then it
 * is added as suppressed to the stop cause); {@link #stop} cancels the task with interruption and then calls
 * {@code onFailure(cause)}; {@link #onResume()} fails with {@link SynchronousResumeNotSupportedException};
 * {@link #getStatus()} and {@link #blocksRestart()} as upstream. Difference: {@code run()} is not wrapped in
 * {@code ACL.as2(Jenkins.getAuthentication2())} (there is no Spring Security context in the stand-in world).
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    private transient volatile Future<?> task;
    private transient String threadName;
    private transient volatile Throwable stopCause;

    private static ExecutorService executorService;

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    /**
     * Meat of the execution.
     *
     * When this method returns, a step execution is over.
     */
    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        task = getExecutorService().submit(() -> {
            threadName = Thread.currentThread().getName();
            try {
                T ret;
                // upstream: try (ACLContext acl = ACL.as2(auth))
                ret = run();
                getContext().onSuccess(ret);
            } catch (Throwable x) {
                if (stopCause == null) {
                    getContext().onFailure(x);
                } else {
                    stopCause.addSuppressed(x);
                }
            }
        });
        return false;
    }

    /**
     * If the computation is going synchronously, try to cancel that.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        if (task != null) {
            stopCause = cause;
            task.cancel(true);
        }
        super.stop(cause);
    }

    @Override
    public void onResume() {
        var context = getContext();
        context.onFailure(new SynchronousResumeNotSupportedException(context));
    }

    @Override public @NonNull String getStatus() {
        if (threadName != null) {
            return "running in thread: " + threadName;
        } else {
            return "not yet scheduled";
        }
    }

    @Override public boolean blocksRestart() {
        return threadName != null;
    }

    static synchronized ExecutorService getExecutorService() {
        if (executorService == null) {
            AtomicInteger count = new AtomicInteger();
            executorService = Executors.newCachedThreadPool(r -> {
                // upstream: NamingThreadFactory(ClassLoaderSanityThreadFactory(DaemonThreadFactory()), ...)
                Thread t = new Thread(r, "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution [#" + count.incrementAndGet() + "]");
                t.setDaemon(true);
                return t;
            });
        }
        return executorService;
    }

}

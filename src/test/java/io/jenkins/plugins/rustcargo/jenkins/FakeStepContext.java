package io.jenkins.plugins.rustcargo.jenkins;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A StepContext without Jenkins: hands out the objects a test put in, and records how the step
 * ended. Implements every abstract member of the upstream class, so it also compiles against
 * the real workflow-step-api.
 */
final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private final transient Map<Class<?>, Object> services = new HashMap<>();
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private transient Result result;

    <T> FakeStepContext with(Class<T> key, T value) {
        services.put(key, value);
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(services.get(key));
    }

    @Override
    public void onSuccess(Object returned) {
        outcome.complete(returned);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return outcome.isDone();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        this.result = r;
    }

    Result result() {
        return result;
    }

    @Override
    public BodyInvoker newBodyInvoker() throws IllegalStateException {
        throw new IllegalStateException("rustCargo takes no body");
    }

    @Override
    public boolean hasBody() {
        return false;
    }

    /** The step's return value, or its failure rethrown as is. */
    Object await(long timeout, TimeUnit unit) throws Throwable {
        try {
            return outcome.get(timeout, unit);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

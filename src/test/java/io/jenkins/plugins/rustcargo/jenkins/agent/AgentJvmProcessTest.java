package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a sweep's buildctl sends from the agent to the controller: its lines in a few batches (one
 * remote call each), its progress ticks thinned on the agent, and its exit code as the answer to
 * the one call. The callable runs in this JVM here, as it would in the agent's; the sink counts
 * the calls that would cross the channel.
 */
class AgentJvmProcessTest {
    /** A real process: three lines on stdout, 3000 progress ticks on stderr, then exit 3. */
    private static final String CHATTY = "echo one; echo two; i=0; while [ $i -lt 3000 ]; do "
            + "echo '{\"statuses\":[{\"id\":\"transferring context:\",\"vertex\":\"v\",\"current\":'$i'}]}' >&2; i=$((i+1)); done; "
            + "echo '{\"statuses\":[{\"id\":\"transferring context:\",\"vertex\":\"v\",\"current\":3000,\"completed\":\"t\"}]}' >&2; "
            + "echo three; exit 3";

    private static final class CountingSink implements AgentJvmProcess.Lines {
        final List<String> stdout = new ArrayList<>();
        final List<String> stderr = new ArrayList<>();
        int calls;

        @Override
        public synchronized void lines(List<String> out, List<String> err) {
            calls++;
            stdout.addAll(out);
            stderr.addAll(err);
        }
    }

    @Test
    void linesComeInFewBatchesAndTicksAreThinnedOnTheAgent() throws Exception {
        CountingSink sink = new CountingSink();
        long started = System.nanoTime();
        int exit = new AgentJvmProcess(List.of("sh", "-c", CHATTY), Map.of(), sink).call();
        long batchesPossible = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) / AgentJvmProcess.BATCH_MILLIS + 2;

        assertEquals(3, exit);
        assertEquals(List.of("one", "two", "three"), sink.stdout);
        assertTrue(sink.calls <= batchesPossible, sink.calls + " remote calls for 3004 lines");
        assertTrue(sink.stderr.size() < 3001 / 10, sink.stderr.size() + " of 3001 stderr lines travelled");
        assertTrue(sink.stderr.get(sink.stderr.size() - 1).contains("\"completed\""), "the finished status always arrives");
    }

    @Test
    void theEnvironmentIsAddedToTheAgents() throws Exception {
        CountingSink sink = new CountingSink();
        new AgentJvmProcess(List.of("sh", "-c", "echo \"$RUSTCARGO_PROBE:${PATH:+has-path}\""), Map.of("RUSTCARGO_PROBE", "set"), sink).call();
        assertEquals(List.of("set:has-path"), sink.stdout);
    }

    @Test
    void cancellingTheCallStopsTheProcess() throws Exception {
        CountingSink sink = new CountingSink();
        AgentJvmProcess sleeper = new AgentJvmProcess(List.of("sh", "-c", "echo started; exec sleep 60"), Map.of(), sink);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                sleeper.call();
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        long started = System.nanoTime();
        t.start();
        Thread.sleep(500);
        t.interrupt(); // what cancelling the remote call does on the agent
        Throwable e = failure.get(20, TimeUnit.SECONDS);
        assertTrue(e instanceof IOException, String.valueOf(e));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 15, "stopped, not waited out");
    }
}

package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.Proc;
import io.jenkins.plugins.rustcargo.engine.LineSink;
import io.jenkins.plugins.rustcargo.engine.LineSplitter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine asks a running buildctl "done yet?" five times a second. On an agent every question
 * to the remote {@link Proc} is a round trip over the channel, so the answer must come from the
 * controller's side: one blocking {@code join()} for the whole run, no {@code isAlive()} polling.
 * The Proc is a mock here (our own, not Jenkins' behaviour): it counts the remote calls.
 */
class AgentProcessTest {
    @Test
    void waitingWithATimeoutMakesNoRemoteCallsBeyondOneJoin() throws Exception {
        CountDownLatch exit = new CountDownLatch(1);
        Proc proc = mock(Proc.class);
        when(proc.isAlive()).thenReturn(true);
        when(proc.join()).thenAnswer(inv -> {
            exit.await();
            return 7;
        });
        AgentBuildHost.AgentProcess p = new AgentBuildHost.AgentProcess(proc, new LineSplitter(LineSink.DISCARD),
                new LineSplitter(LineSink.DISCARD));

        for (int i = 0; i < 10; i++) {
            assertFalse(p.waitFor(20, TimeUnit.MILLISECONDS), "still running");
        }
        exit.countDown();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(7, p.waitFor());
        verify(proc, never()).isAlive();
        verify(proc, atMost(1)).join();
    }
}

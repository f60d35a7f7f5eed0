package io.jenkins.plugins.rustcargo.jenkins;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;

/**
 * Runs and jobs for tests. Both are signature-only stand-ins that nobody outside Jenkins may
 * construct, so they are mocks; a run keeps its real persisted action list, and
 * {@code getAction} looks only there (upstream would also ask transient action factories,
 * which need a running Jenkins).
 */
final class TestRuns {
    private TestRuns() {}

    @SuppressWarnings("rawtypes")
    static Job job(String fullName) {
        Job job = mock(Job.class);
        doReturn(fullName).when(job).getFullName();
        return job;
    }

    @SuppressWarnings("rawtypes")
    static Run run(Job job, int number, Run previous) {
        Run run = mock(Run.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doReturn(job).when(run).getParent();
        doReturn(number).when(run).getNumber();
        doReturn(previous).when(run).getPreviousBuild();
        doAnswer(inv -> persisted(run, inv.getArgument(0))).when(run).getAction(any());
        return run;
    }

    @SuppressWarnings({"rawtypes", "deprecation"})
    private static Object persisted(Run run, Class<?> type) {
        for (Action a : (Iterable<Action>) run.getActions()) {
            if (type.isInstance(a)) {
                return a;
            }
        }
        return null;
    }
}

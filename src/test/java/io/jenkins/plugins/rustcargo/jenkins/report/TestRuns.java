package io.jenkins.plugins.rustcargo.jenkins.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;

/**
 * Runs and jobs for tests. Nobody outside Jenkins may construct either, so they are mocks. A run
 * keeps its actions in a list of the test's own: {@code addAction} appends (and attaches a
 * {@link RunAction2}), {@code getAction}/{@code getActions} read that list, which is what
 * Jenkins does for persisted actions.
 */
final class TestRuns {
    private TestRuns() {}

    @SuppressWarnings("rawtypes")
    static Job job(String fullName) {
        Job job = mock(Job.class);
        doReturn(fullName).when(job).getFullName();
        return job;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Run run(Job job, int number, Run previous) {
        Run run = mock(Run.class);
        List<Action> actions = new CopyOnWriteArrayList<>();
        doReturn(job).when(run).getParent();
        doReturn(number).when(run).getNumber();
        doReturn(previous).when(run).getPreviousBuild();
        doAnswer(inv -> {
            Action a = inv.getArgument(0);
            actions.add(a);
            if (a instanceof RunAction2 attached) {
                attached.onAttached(run);
            }
            return null;
        }).when(run).addAction(any());
        doReturn(actions).when(run).getActions();
        doAnswer(inv -> {
            Class<?> type = inv.getArgument(0);
            return actions.stream().filter(type::isInstance).findFirst().orElse(null);
        }).when(run).getAction(any(Class.class));
        return run;
    }
}

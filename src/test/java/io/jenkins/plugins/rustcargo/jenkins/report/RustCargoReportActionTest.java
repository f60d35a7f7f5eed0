package io.jenkins.plugins.rustcargo.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build report keeps every call (parallel ones included) and feeds the job's trend. */
class RustCargoReportActionTest {
    static RunSummary summary(String command, int exitCode, long wallMillis, int compiled) {
        return new RunSummary(command, "key", "rustcargo/default/target/key/x/debug/0", exitCode, wallMillis, 1500, wallMillis - 100,
                2048, compiled, 7, 2, List.of("itoa v1.0.15", "memchr v2.7.4"),
                List.of(new RunSummary.ExportedFile("release/app", 3 * 1024 * 1024)), 5L * 1024 * 1024 * 1024, 1024, 1, "unix:///run/buildkit/buildkitd.sock");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void callsAccumulateOnOneActionPerBuild() {
        Run run = TestRuns.run(TestRuns.job("app"), 1, null);
        RustCargoReportAction.record(run, summary("cargo test", 101, 12_345, 3), "Test");
        RustCargoReportAction report = run.getAction(RustCargoReportAction.class);
        RustCargoReportAction.record(run, summary("cargo build --release", 0, 2_000, 40), null);
        assertSame(report, run.getAction(RustCargoReportAction.class));
        List<CargoCall> calls = report.getCalls();
        assertEquals(2, calls.size());
        CargoCall test = calls.get(0);
        assertEquals("cargo test", test.getCommand());
        assertEquals("Test", test.getStage());
        assertEquals(101, test.getExitCode());
        assertEquals("12.3 s", test.getDuration());
        assertEquals("1.5 s", test.getLockWait());
        assertEquals(3, test.getCompiled());
        assertEquals(7, test.getFresh());
        assertEquals(List.of("itoa v1.0.15", "memchr v2.7.4"), test.getDownloadedCrates());
        assertEquals("release/app", test.getOutputs().get(0).getPath());
        assertEquals("3.0 MiB", test.getOutputs().get(0).getSize());
        assertEquals("5.0 GiB", test.getTargetSize());
        assertNull(calls.get(1).getStage());
        assertTrue(calls.get(1).isSucceeded());
        assertEquals(14_345, report.getTotalWallMillis());
        assertEquals(43, report.getTotalCompiled());
        assertEquals("rustCargo", report.getUrlName());
    }

    @Test
    @SuppressWarnings("rawtypes")
    void parallelStagesDoNotLoseCalls() throws Exception {
        Run run = TestRuns.run(TestRuns.job("app"), 1, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 64; i++) {
            int n = i;
            pool.submit(() -> RustCargoReportAction.record(run, summary("cargo test -p c" + n, 0, 1, 1), "S" + n));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        @SuppressWarnings("deprecation")
        long reports = ((List<?>) run.getActions()).stream().filter(RustCargoReportAction.class::isInstance).count();
        assertEquals(1, reports, "one report, however many stages finish at once");
        assertEquals(64, ((RustCargoReportAction) run.getAction(RustCargoReportAction.class)).getCalls().size());
    }

    @Test
    @SuppressWarnings("rawtypes")
    void theTrendTakesTheLastBuildsWithAReport() {
        Job job = TestRuns.job("app");
        Run b1 = TestRuns.run(job, 1, null);
        Run b2 = TestRuns.run(job, 2, b1);
        Run b3 = TestRuns.run(job, 3, b2);
        RustCargoReportAction.record(b1, summary("cargo test", 0, 30_000, 120), null);
        RustCargoReportAction.record(b3, summary("cargo test", 0, 4_000, 2), null);
        RustCargoReportAction.record(b3, summary("cargo build", 0, 1_000, 1), null);
        List<TrendChart.Point> points = RustCargoTrendAction.points(b3, 30);
        assertEquals(List.of(new TrendChart.Point(3, 5_000, 3), new TrendChart.Point(1, 30_000, 120)), points);
        assertEquals(1, RustCargoTrendAction.points(b3, 1).size());
        assertEquals(new ArrayList<>(), RustCargoTrendAction.points(null, 30));
    }

    @Test
    void theBuildCanBeSavedWhileParallelStagesAppend() throws Exception {
        // Saving the build (XStream) walks the persisted list field without taking the action's
        // lock, while other branches of the same build keep appending to it.
        RustCargoReportAction report = new RustCargoReportAction();
        java.lang.reflect.Field field = RustCargoReportAction.class.getDeclaredField("calls");
        field.setAccessible(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> appenders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            appenders.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 5_000; i++) {
                    report.add(CargoCall.of(summary("cargo test", 0, 1, 1), "S"));
                }
                return null;
            }));
        }
        java.util.concurrent.Future<Integer> saver = pool.submit(() -> {
            go.await();
            int walked = 0;
            while (!appenders.stream().allMatch(java.util.concurrent.Future::isDone)) {
                for (Object call : (Iterable<?>) field.get(report)) {
                    walked += call == null ? 0 : 1;
                }
            }
            return walked;
        });
        go.countDown();
        for (java.util.concurrent.Future<?> f : appenders) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertTrue(saver.get(60, TimeUnit.SECONDS) >= 0, "saving never saw a list in the middle of a change");
        pool.shutdown();
        assertEquals(10_000, report.getCalls().size());
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aJobPageViewLoadsNoBuildWhileNoNewBuildStarted() {
        Job job = org.mockito.Mockito.mock(Job.class);
        Run last = org.mockito.Mockito.mock(Run.class);
        org.mockito.Mockito.doReturn(last).when(job).getLastBuild();
        org.mockito.Mockito.doReturn(8).when(job).getNextBuildNumber();
        org.mockito.Mockito.doReturn(new RustCargoReportAction()).when(last).getAction(RustCargoReportAction.class);
        RustCargoTrendActionFactory factory = new RustCargoTrendActionFactory();

        assertEquals(1, factory.createFor(job).size());
        assertEquals(1, factory.createFor(job).size());
        assertEquals(1, factory.createFor(job).size());
        org.mockito.Mockito.verify(job, org.mockito.Mockito.times(1)).getLastBuild();

        org.mockito.Mockito.doReturn(9).when(job).getNextBuildNumber(); // a new build started: look again
        assertEquals(1, factory.createFor(job).size());
        org.mockito.Mockito.verify(job, org.mockito.Mockito.times(2)).getLastBuild();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aJobWithoutReportsGetsTheChartAsSoonAsABuildRecordsOne() {
        Job job = org.mockito.Mockito.mock(Job.class);
        Run running = org.mockito.Mockito.mock(Run.class);
        org.mockito.Mockito.doReturn(running).when(job).getLastBuild();
        org.mockito.Mockito.doReturn(job).when(running).getParent();
        org.mockito.Mockito.doReturn(2).when(job).getNextBuildNumber();
        RustCargoTrendActionFactory factory = new RustCargoTrendActionFactory();
        assertEquals(0, factory.createFor(job).size(), "no build has a report yet");

        RustCargoTrendActionFactory.recorded(job); // what RustCargoReportAction.record tells it
        assertEquals(1, factory.createFor(job).size());
        org.mockito.Mockito.verify(job, org.mockito.Mockito.times(1)).getLastBuild();
    }
}

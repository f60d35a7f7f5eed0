package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.Launcher;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.rustcargo.engine.LineSink;
import io.jenkins.plugins.rustcargo.engine.ProcessSpec;
import io.jenkins.plugins.rustcargo.engine.RunningProcess;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The persistent buildkitd must outlive {@code node {}}: Jenkins kills every process whose
 * environment carries the build's JENKINS_NODE_COOKIE. Real processes through Jenkins' real
 * {@link Launcher.LocalLauncher} and its kill-by-environment (-Pjenkins only; the plain unit
 * test of the environment rule is AgentBuildHostTest).
 */
@WithJenkins
class AgentBuildHostProcessTest {
    private static final String BUILD_COOKIE = "build-cookie-" + System.nanoTime();

    private final Launcher launcher = new Launcher.LocalLauncher(new StreamTaskListener(new ByteArrayOutputStream()));

    private AgentBuildHost host(Path dir) {
        return new AgentBuildHost(new FilePath(dir.toFile()), launcher);
    }

    private static List<String> envOf(AgentBuildHost host, boolean outlivesBuild) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        RunningProcess p = host.start(new ProcessSpec(List.of("env"), Map.of("JENKINS_NODE_COOKIE", BUILD_COOKIE, "BUILD_ID", "42"),
                lines::add, LineSink.DISCARD, outlivesBuild));
        assertEquals(0, p.waitFor());
        return lines;
    }

    @Test
    void aProcessThatOutlivesTheBuildGetsItsOwnCookie(JenkinsRule j, @TempDir Path dir) throws Exception {
        List<String> env = envOf(host(dir), true);
        assertFalse(env.contains("JENKINS_NODE_COOKIE=" + BUILD_COOKIE), env.toString());
        assertTrue(env.stream().anyMatch(l -> l.startsWith("JENKINS_NODE_COOKIE=rustcargo-buildkitd-")), env.toString());
        assertTrue(env.contains("BUILD_ID=dontKillMe"), env.toString());
    }

    @Test
    void anOrdinaryProcessKeepsTheBuildCookie(JenkinsRule j, @TempDir Path dir) throws Exception {
        List<String> env = envOf(host(dir), false);
        assertTrue(env.contains("JENKINS_NODE_COOKIE=" + BUILD_COOKIE), env.toString());
        assertTrue(env.contains("BUILD_ID=42"), env.toString());
    }

    @Test
    void killingTheBuildsProcessesSparesTheDaemon(JenkinsRule j, @TempDir Path dir) throws Exception {
        AgentBuildHost host = host(dir);
        Map<String, String> buildEnv = Map.of("JENKINS_NODE_COOKIE", BUILD_COOKIE);
        RunningProcess daemon = host.start(new ProcessSpec(List.of("sleep", "60"), buildEnv, LineSink.DISCARD, LineSink.DISCARD, true));
        RunningProcess buildProcess = host.start(ProcessSpec.of(List.of("sleep", "60"), buildEnv, LineSink.DISCARD, LineSink.DISCARD));
        try {
            // What the end of node {} does.
            launcher.kill(buildEnv);
            assertTrue(buildProcess.waitFor(10, TimeUnit.SECONDS), "the build's process is killed");
            assertFalse(daemon.waitFor(1, TimeUnit.SECONDS), "the daemon survives");
        } finally {
            daemon.kill();
            buildProcess.kill();
        }
    }
}

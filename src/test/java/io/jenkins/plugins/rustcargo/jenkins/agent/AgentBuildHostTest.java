package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.LineSink;
import io.jenkins.plugins.rustcargo.engine.ProcessSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The persistent buildkitd must outlive {@code node {}}: Jenkins kills every process whose
 * environment carries the build's JENKINS_NODE_COOKIE, so such a process is launched with a
 * cookie of its own. (That Jenkins then really spares it is AgentBuildHostProcessTest, -Pjenkins.)
 */
class AgentBuildHostTest {
    private static final Map<String, String> BUILD_ENV = Map.of("JENKINS_NODE_COOKIE", "build-cookie", "BUILD_ID", "42", "HOME", "/home/a");

    private static Map<String, String> envOf(boolean outlivesBuild) {
        return AgentBuildHost.environment(new ProcessSpec(List.of("env"), BUILD_ENV, LineSink.DISCARD, LineSink.DISCARD, outlivesBuild));
    }

    @Test
    void aProcessThatOutlivesTheBuildGetsItsOwnCookie() {
        Map<String, String> env = envOf(true);
        assertTrue(env.get("JENKINS_NODE_COOKIE").startsWith("rustcargo-buildkitd-"), env.toString());
        assertEquals("dontKillMe", env.get("BUILD_ID"));
        assertEquals("/home/a", env.get("HOME"), "the rest of the environment is kept");
        assertNotEquals(env.get("JENKINS_NODE_COOKIE"), envOf(true).get("JENKINS_NODE_COOKIE"), "each daemon its own cookie");
    }

    @Test
    void anOrdinaryProcessKeepsTheBuildCookie() {
        assertEquals(BUILD_ENV, envOf(false));
    }
}

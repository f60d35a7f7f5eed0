package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker-container:// preflight: which addresses it checks, and its one-line failures when
 * Docker itself cannot be reached. BuildkitContainerCheckIT covers a real Docker Engine.
 */
class BuildkitContainerCheckTest {

    @Test
    void onlyDockerContainerAddressesAreChecked() {
        assertNull(BuildkitContainerCheck.forAddress(null, Map.of()));
        assertNull(BuildkitContainerCheck.forAddress("unix:///run/buildkit/buildkitd.sock", Map.of()));
        assertNull(BuildkitContainerCheck.forAddress("tcp://buildkit:1234", Map.of()));
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress("docker-container://buildkitd?context=x", Map.of());
        assertEquals("buildkitd", check.container());
        assertEquals("unix:///var/run/docker.sock", check.dockerHost(), "Docker's default socket");
        assertEquals("tcp://docker:2375",
                BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_HOST", "tcp://docker:2375")).dockerHost());
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_TLS_VERIFY", "1")),
                "TLS Docker hosts are left to buildctl");
    }

    @Test
    void aDockerHostThatDoesNotExistFailsWithOneLineSayingHowToStartBuildKit(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("no-docker.sock");
        String problem = new BuildkitContainerCheck("buildkitd", host).call();
        assertTrue(problem.startsWith("BuildKit container buildkitd is not running on DOCKER_HOST=" + host + " (Docker is not reachable: "),
                problem);
        assertTrue(problem.endsWith("); start it with: docker run -d --name buildkitd --privileged moby/buildkit:v0.32.2"), problem);
        assertEquals(1, problem.lines().count());
    }

    @Test
    void aClosedTcpPortFailsTheSameWay() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String problem = new BuildkitContainerCheck("bk", "tcp://127.0.0.1:" + port).call();
        assertTrue(problem.startsWith("BuildKit container bk is not running on DOCKER_HOST=tcp://127.0.0.1:" + port
                + " (Docker is not reachable: "), problem);
    }

    @Test
    void theCheckTravelsToTheAgent(@TempDir Path dir) throws Exception {
        // It runs in the agent JVM: it must survive serialization over the remoting channel.
        BuildkitContainerCheck check = new BuildkitContainerCheck("buildkitd", "unix://" + dir.resolve("x.sock"));
        Path file = Files.createTempFile(dir, "check", ".ser");
        try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(check);
        }
        try (var in = new java.io.ObjectInputStream(Files.newInputStream(file))) {
            BuildkitContainerCheck copy = (BuildkitContainerCheck) in.readObject();
            assertEquals("buildkitd", copy.container());
            assertEquals(check.dockerHost(), copy.dockerHost());
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker-container:// preflight: which addresses it checks, and its one-line failures against
 * a Docker host that does not exist and against a fake Docker API on loopback (no Docker daemon
 * runs here).
 */
class BuildkitContainerCheckTest {
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

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
    void aMissingContainerIsNamed() throws IOException {
        String host = fakeDocker(404, "{\"message\":\"No such container: buildkitd\"}");
        assertEquals("BuildKit container buildkitd is not running on DOCKER_HOST=" + host
                + " (no such container); start it with: docker run -d --name buildkitd --privileged moby/buildkit:v0.32.2",
                new BuildkitContainerCheck("buildkitd", host).call());
    }

    @Test
    void aStoppedContainerIsReportedWithItsState() throws IOException {
        String host = fakeDocker(200, "{\"Id\":\"abc\",\"Name\":\"/buildkitd\",\"State\":{\"Status\":\"exited\",\"Running\":false}}");
        String problem = new BuildkitContainerCheck("buildkitd", host).call();
        assertTrue(problem.contains("is not running on DOCKER_HOST=" + host + " (its state is exited)"), problem);
    }

    @Test
    void aRunningContainerPasses() throws IOException {
        String host = fakeDocker(200, "{\"Id\":\"abc\",\"Name\":\"/buildkitd\",\"State\":{\"Status\":\"running\",\"Running\":true}}");
        assertNull(new BuildkitContainerCheck("buildkitd", host).call());
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

    /** A Docker API on loopback that answers every container inspection with {@code status}/{@code body}. */
    private String fakeDocker(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean inspect = exchange.getRequestURI().getPath().endsWith("/containers/buildkitd/json");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(inspect ? status : 500, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }
}

package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker-container:// preflight: which addresses it checks, that only Docker's own answer
 * fails a step, and that everything else (unreachable Docker, native loading errors, contexts) is
 * only noted. BuildkitContainerCheckIT covers a real Docker Engine.
 */
class BuildkitContainerCheckTest {

    @Test
    void onlyDockerContainerAddressesAreChecked() {
        assertNull(BuildkitContainerCheck.forAddress(null, Map.of()));
        assertNull(BuildkitContainerCheck.forAddress("unix:///run/buildkit/buildkitd.sock", Map.of()));
        assertNull(BuildkitContainerCheck.forAddress("tcp://buildkit:1234", Map.of()));
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress("docker-container://buildkitd?other=x", Map.of());
        assertEquals("buildkitd", check.container());
        assertEquals("unix:///var/run/docker.sock", check.dockerHost(), "Docker's default socket");
        assertEquals("tcp://docker:2375",
                BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_HOST", "tcp://docker:2375")).dockerHost());
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_TLS_VERIFY", "1")),
                "TLS Docker hosts are left to buildctl");
    }

    @Test
    void dockerHostsThatOnlyTheDockerCliReachesAreLeftToBuildctl() {
        // buildctl runs the docker CLI, which reaches these; docker-java would ask the wrong daemon or none.
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_HOST", "ssh://ci@docker-host")));
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_HOST", "npipe:////./pipe/docker_engine")));
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_CONTEXT", "rootless")));
        assertNull(BuildkitContainerCheck.forAddress("docker-container://b?context=remote", Map.of()));
        assertEquals("unix:///run/user/1000/docker.sock", BuildkitContainerCheck.forAddress("docker-container://b",
                Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")).dockerHost(), "a rootless socket named by DOCKER_HOST");
        assertEquals("unix:///var/run/docker.sock",
                BuildkitContainerCheck.forAddress("docker-container://b", Map.of("DOCKER_CONTEXT", "default")).dockerHost());
    }

    @Test
    void aDockerHostThatDoesNotExistIsNotedAndLeftToBuildctl(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("no-docker.sock");
        BuildkitContainerCheck.Outcome outcome = new BuildkitContainerCheck("buildkitd", host).call();
        assertNull(outcome.failure(), "an unreachable Docker is no proof that buildctl cannot reach the container");
        assertTrue(outcome.note().startsWith("could not check BuildKit container buildkitd on DOCKER_HOST=" + host
                + " (Docker is not reachable: "), outcome.note());
        assertTrue(outcome.note().endsWith("); leaving it to buildctl"), outcome.note());
        assertEquals(1, outcome.note().lines().count());
    }

    @Test
    void aClosedTcpPortIsNotedTheSameWay() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        BuildkitContainerCheck.Outcome outcome = new BuildkitContainerCheck("bk", "tcp://127.0.0.1:" + port).call();
        assertNull(outcome.failure());
        assertTrue(outcome.note().startsWith("could not check BuildKit container bk on DOCKER_HOST=tcp://127.0.0.1:" + port
                + " (Docker is not reachable: "), outcome.note());
    }

    @Test
    void nativeLoadingErrorsAreNotedNotThrown() {
        // docker-java reaches unix sockets through JNA, which may fail to load on an agent.
        BuildkitContainerCheck check = new BuildkitContainerCheck("bk", "unix:///var/run/docker.sock");
        for (Error error : List.of(new UnsatisfiedLinkError("jnidispatch"), new NoClassDefFoundError("com/sun/jna/Native"),
                new ExceptionInInitializerError("static init"))) {
            BuildkitContainerCheck.Outcome outcome = check.check(name -> {
                throw error;
            });
            assertNull(outcome.failure(), error.toString());
            assertTrue(outcome.note().startsWith("could not check BuildKit container bk"), outcome.note());
        }
    }

    @Test
    void onlyDockersOwnAnswerFailsTheStep() {
        BuildkitContainerCheck check = new BuildkitContainerCheck("bk", "unix:///var/run/docker.sock");
        assertEquals(BuildkitContainerCheck.Outcome.RUNNING, check.check(name -> "running"));
        assertEquals("BuildKit container bk is not running on DOCKER_HOST=unix:///var/run/docker.sock (no such container);"
                + " start it with: docker run -d --name bk --privileged moby/buildkit:v0.32.2", check.check(name -> null).failure());
        assertTrue(check.check(name -> "exited").failure().contains("(its state is exited)"));
    }

    @Test
    void aDockerContextSelectedInTheAgentsDockerConfigIsLeftToBuildctl(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"auths\": {}, \"currentContext\": \"rootless\"}");
        BuildkitContainerCheck check = BuildkitContainerCheck.forAddress("docker-container://bk", Map.of("DOCKER_CONFIG", dir.toString()));
        BuildkitContainerCheck.Outcome outcome = check.check(name -> null);
        assertNull(outcome.failure(), "the default socket is not the daemon the docker CLI (and so buildctl) would use");
        assertTrue(outcome.note().contains("(the Docker CLI uses context rootless)"), outcome.note());

        Files.writeString(dir.resolve("config.json"), "{\"currentContext\": \"default\"}");
        assertTrue(check.check(name -> null).failure().contains("(no such container)"), "the default context is the default socket");
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

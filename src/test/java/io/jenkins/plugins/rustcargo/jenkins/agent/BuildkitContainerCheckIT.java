package io.jenkins.plugins.rustcargo.jenkins.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The docker-java preflight against a real Docker Engine: the private dockerd that
 * scripts/env/setup starts (RUSTCARGO_DOCKER_HOST), with the buildkitd image it loads.
 */
class BuildkitContainerCheckIT {
    private final String name = "rustcargo-check-" + UUID.randomUUID().toString().substring(0, 8);
    private final String dockerHost = System.getenv("RUSTCARGO_DOCKER_HOST");

    @Test
    void missingCreatedAndRunningContainers() throws Exception {
        assertNotNull(dockerHost, "RUSTCARGO_DOCKER_HOST is not set: run through bin/test");
        assertEquals("BuildKit container " + name + " is not running on DOCKER_HOST=" + dockerHost
                + " (no such container); start it with: docker run -d --name " + name + " --privileged moby/buildkit:v0.32.2",
                new BuildkitContainerCheck(name, dockerHost).call().failure());

        docker("create", "--name", name, System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE"));
        String created = new BuildkitContainerCheck(name, dockerHost).call().failure();
        assertTrue(created.contains("is not running on DOCKER_HOST=" + dockerHost + " (its state is created)"), created);

        docker("rm", name);
        docker("run", "-d", "--name", name, "--cap-add", "SYS_ADMIN", "--cap-add", "NET_ADMIN", "--security-opt", "seccomp=unconfined",
                "--network", "host", System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE"),
                "--addr", "unix:///run/buildkit/check.sock", "--root", "/tmp/buildkit");
        assertEquals(BuildkitContainerCheck.Outcome.RUNNING, new BuildkitContainerCheck(name, dockerHost).call(),
                "a running container passes");
    }

    private void docker(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().put("DOCKER_HOST", dockerHost);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "docker " + String.join(" ", args));
    }

    @AfterEach
    void remove() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("docker", "rm", "-f", name).inheritIO();
        pb.environment().put("DOCKER_HOST", dockerHost);
        pb.start().waitFor(60, TimeUnit.SECONDS);
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The docker-container:// address mode against a real Docker Engine (the private dockerd that
 * scripts/env/setup starts) running buildkitd in a container, as docs/agent-setup.md describes.
 */
class DockerContainerDaemonIT {
    private final String container = "rustcargo-it-" + UUID.randomUUID().toString().substring(0, 8);
    private Path state;

    @Test
    void buildsThroughBuildkitdInADockerContainer() throws Exception {
        Map<String, String> env = RealBuildKit.hostEnv();
        String dockerHost = env.get("RUSTCARGO_DOCKER_HOST");
        assertNotNull(dockerHost, "RUSTCARGO_DOCKER_HOST is not set: run through bin/test");
        env.put("DOCKER_HOST", dockerHost);
        state = Files.createTempDirectory("rcd-docker-");
        // --privileged is the usual flag; this sandbox lacks CAP_SYS_RESOURCE, so the test grants
        // what buildkitd needs explicitly.
        docker(env, "run", "-d", "--name", container, "--cap-add", "SYS_ADMIN", "--cap-add", "NET_ADMIN", "--security-opt", "seccomp=unconfined",
                "--security-opt", "apparmor=unconfined", "--network", "host", "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw",
                "-v", state + ":/var/lib/buildkit", env.get("RUSTCARGO_BUILDKIT_DOCKER_IMAGE"));
        BuildkitAddress address = BuildkitAddress.of("docker-container://" + container);
        DaemonLocator locator = new DaemonLocator(new LocalBuildHost(), new RecordingLog("probe"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (locator.probe(address, env) != null && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }

        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("docker-container");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, "docker").hostEnv(env).daemon(address)
                .args("run -q -p tiny-app").build()).summary();
        assertEquals(0, s.exitCode());
        assertTrue(log.contains("output", "value=7"), log.texts("output").toString());

        docker(env, "stop", "-t", "2", container);
        DaemonUnavailableException e = assertThrows(DaemonUnavailableException.class, () -> RealBuildKit
                .engine(new RecordingLog("stopped")).run(RealBuildKit.request(ws, "docker").hostEnv(env).daemon(address)
                        .args("build").build()));
        assertTrue(e.getMessage().startsWith("BuildKit daemon at docker-container://" + container + " is not reachable"),
                e.getMessage());
        assertTrue(e.getMessage().contains("docker run -d --name " + container), e.getMessage());
    }

    private static void docker(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "docker " + String.join(" ", args));
    }

    @AfterEach
    void removeContainer() throws Exception {
        Map<String, String> env = RealBuildKit.hostEnv();
        ProcessBuilder pb = new ProcessBuilder("docker", "rm", "-f", container).inheritIO();
        pb.environment().put("DOCKER_HOST", env.get("RUSTCARGO_DOCKER_HOST"));
        pb.start().waitFor(60, TimeUnit.SECONDS);
        if (state != null) {
            ExtraDaemon.deleteState(state);
        }
    }
}

package io.jenkins.plugins.rustcargo.daemon.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.DaemonUnavailableException;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.RunSummary;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The managed BuildKit container on the private Docker Engine that scripts/env/setup starts,
 * with the BuildKit image it loads: created, reused, restarted, recreated for another image with
 * its caches intact, and the one-line errors.
 */
class ManagedDaemonIT {
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String name = "rustcargo-it-managed-" + id;
    private final String upgraded = "rustcargo/buildkitd:it-" + id;
    private final String foreign = "rustcargo-it-foreign-" + id;

    static Map<String, String> env() {
        Map<String, String> env = RealBuildKit.hostEnv();
        String dockerHost = env.get("RUSTCARGO_DOCKER_HOST");
        assertNotNull(dockerHost, "RUSTCARGO_DOCKER_HOST is not set: run through bin/test");
        env.put("DOCKER_HOST", dockerHost);
        env.remove("DOCKER_TLS_VERIFY");
        return env;
    }

    static String image() {
        return System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE");
    }

    @Test
    void createsReusesAndRecreatesKeepingTheCaches() throws Exception {
        Map<String, String> env = env();
        ManagedDaemon.Spec spec = ManagedDaemon.Spec.of(name, image());
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("managed");

        RecordingLog created = new RecordingLog("create");
        BuildkitAddress address = ensure(env, spec, created);
        assertEquals("docker-container://" + name, address.addr());
        assertTrue(created.contains("info", "managed daemon: creating container " + name), created.texts("info").toString());
        RunSummary cold = build(env, address, ws, ns);
        assertEquals(0, cold.exitCode());
        assertTrue(cold.compiled() > 0, "the first build compiles");

        String containerId = docker(env, "inspect", "-f", "{{.Id}}", name);
        RecordingLog reused = new RecordingLog("reuse");
        ensure(env, spec, reused);
        assertTrue(reused.contains("info", "managed daemon: reusing container " + name), reused.texts("info").toString());
        assertEquals(containerId, docker(env, "inspect", "-f", "{{.Id}}", name), "the same container");

        docker(env, "stop", "-t", "2", name);
        RecordingLog restarted = new RecordingLog("restart");
        ensure(env, spec, restarted);
        assertTrue(restarted.contains("info", "managed daemon: starting container " + name + " (was exited)"),
                restarted.texts("info").toString());
        assertEquals(containerId, docker(env, "inspect", "-f", "{{.Id}}", name), "a stopped container is started, not replaced");

        docker(env, "tag", image(), upgraded);
        RecordingLog recreated = new RecordingLog("recreate");
        ensure(env, ManagedDaemon.Spec.of(name, upgraded), recreated);
        assertTrue(recreated.contains("info", "managed daemon: recreating container " + name + " for image " + upgraded),
                recreated.texts("info").toString());
        assertTrue(!containerId.equals(docker(env, "inspect", "-f", "{{.Id}}", name)), "a new container");
        RunSummary warm = build(env, address, ws, ns);
        assertEquals(0, warm.compiled(), "the recreated daemon finds the target cache on the volume");
        assertTrue(warm.fresh() > 0, "fresh units: " + warm.fresh());
    }

    @Test
    void failsWithOneLineForEachProblem() throws Exception {
        Map<String, String> env = env();
        docker(env, "create", "--name", foreign, image());
        DaemonUnavailableException notOurs = assertThrows(DaemonUnavailableException.class,
                () -> ensure(env, ManagedDaemon.Spec.of(foreign, image()), new RecordingLog("foreign")));
        assertEquals("container " + foreign + " on " + env.get("DOCKER_HOST") + " was not created by rust-cargo (no "
                + ManagedDaemon.LABEL + " label); remove it or choose another --daemon-name", notOurs.getMessage());

        DaemonUnavailableException noImage = assertThrows(DaemonUnavailableException.class,
                () -> ensure(env, ManagedDaemon.Spec.of(name, "rustcargo/no-such-image:" + id), new RecordingLog("image")));
        assertTrue(noImage.getMessage().startsWith("BuildKit image rustcargo/no-such-image:" + id + " is not on the Docker Engine at "),
                noImage.getMessage());

        Map<String, String> noDocker = env();
        noDocker.put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        DaemonUnavailableException noEngine = assertThrows(DaemonUnavailableException.class,
                () -> ensure(noDocker, ManagedDaemon.Spec.of(name, image()), new RecordingLog("engine")));
        assertTrue(noEngine.getMessage().startsWith("no Docker Engine answers at DOCKER_HOST=unix:///nonexistent/docker.sock ("),
                noEngine.getMessage());

        // The foreign container was created but never started: nothing answers in it.
        DaemonUnavailableException notReady = assertThrows(DaemonUnavailableException.class, () -> ManagedDaemon.awaitReady(
                new LocalBuildHost(), new RecordingLog("ready"), ManagedDaemon.Spec.of(foreign, image()), env, 2));
        assertTrue(notReady.getMessage().startsWith("the BuildKit daemon in container " + foreign + " did not answer within 2 s ("),
                notReady.getMessage());
        assertTrue(notReady.getMessage().endsWith("; see docker logs " + foreign), notReady.getMessage());
        assertTrue(docker(env, "ps", "-a", "--filter", "name=" + name, "--format", "{{.Names}}").isEmpty(),
                "no container was created on the way");
    }

    static BuildkitAddress ensure(Map<String, String> env, ManagedDaemon.Spec spec, RecordingLog log) throws Exception {
        try (DockerJavaRuntime docker = DockerJavaRuntime.fromEnvironment(env)) {
            BuildkitAddress address = new ManagedDaemon(docker, log).ensureContainer(spec);
            ManagedDaemon.awaitReady(new LocalBuildHost(), log, spec, env, 60);
            return address;
        }
    }

    private static RunSummary build(Map<String, String> env, BuildkitAddress address, Path ws, String ns) throws Exception {
        return RealBuildKit.engine(new RecordingLog("build")).run(RealBuildKit.request(ws, ns).hostEnv(env).daemon(address)
                .args("build -p tiny-app").build()).summary();
    }

    static String docker(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", env.get("DOCKER_HOST"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "docker " + String.join(" ", args) + ": " + out);
        return out;
    }

    @AfterEach
    void removeEverything() throws Exception {
        Map<String, String> env = env();
        for (List<String> cmd : List.of(List.of("rm", "-f", name, foreign), List.of("volume", "rm", "-f", name + "-state"),
                List.of("rmi", upgraded))) {
            List<String> argv = new ArrayList<>(List.of("docker"));
            argv.addAll(cmd);
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_HOST", env.get("DOCKER_HOST"));
            pb.start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.DaemonPool;
import io.jenkins.plugins.rustcargo.engine.PoolDaemons;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The step with the daemons of docs/daemons.md: the managed container on the private Docker
 * Engine (turned on by the agent's variables), and a pool of two real buildkitd instances.
 */
class RustCargoStepDaemonsIT {
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String container = "rustcargo-it-step-" + id;
    private PoolDaemons pool;

    private RustCargoStep step(String args) {
        RustCargoStep step = new RustCargoStep(args);
        step.setImage(RealBuildKit.image());
        return step;
    }

    @Test
    void buildsInTheManagedContainer() throws Throwable {
        Map<String, String> env = RealBuildKit.hostEnv();
        env.remove("BUILDKIT_HOST");
        assertNotNull(env.get("RUSTCARGO_DOCKER_HOST"), "RUSTCARGO_DOCKER_HOST is not set: run through bin/test");
        env.put("DOCKER_HOST", env.get("RUSTCARGO_DOCKER_HOST"));
        env.put(CargoRequestFactory.MANAGED_DAEMON, "true");
        env.put(CargoRequestFactory.DAEMON_NAME, container);
        env.put(CargoRequestFactory.DAEMON_IMAGE, System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE"));
        StepHarness h = new StepHarness(RealBuildKit.workspace("tiny"), "rustcargo-it/managed-" + id, env);
        h.run(step("run -q -p tiny-app"), 15);
        assertTrue(h.console().contains("[rust-cargo] managed daemon: creating container " + container), h.console());
        assertTrue(h.console().lines().anyMatch(l -> l.startsWith("value=7")), h.console());
        assertEquals("docker-container://" + container, h.calls().get(0).getDaemon());

        StepHarness again = new StepHarness(h.workspace, "rustcargo-it/managed-" + id, env);
        again.run(step("build -p tiny-app"), 15);
        assertTrue(again.console().contains("[rust-cargo] managed daemon: reusing container " + container), again.console());
        assertEquals(0, again.calls().get(0).getCompiled(), "the second build is warm");
    }

    @Test
    void routesByTheJobsCacheKeyAcrossAPool() throws Throwable {
        pool = new PoolDaemons(2);
        String addrs = pool.addresses.get(0).addr() + " " + pool.addresses.get(1).addr();
        Map<String, String> env = RealBuildKit.hostEnv();
        env.remove("BUILDKIT_HOST");
        env.put("STAGE_NAME", "Build");
        String job = "rustcargo-it/pool-" + id;
        String expected = new DaemonPool(pool.addresses).rank("default", CacheKey.derive(job, "Build")).get(0).addr();
        Path ws = RealBuildKit.workspace("tiny");
        for (int i = 0; i < 2; i++) {
            RustCargoStep step = step("build -p tiny-app");
            step.setAddr(addrs);
            StepHarness h = new StepHarness(ws, job, env);
            h.run(step, 15);
            assertTrue(h.console().contains("[rust-cargo] daemon: " + expected), h.console());
            assertEquals(expected, h.calls().get(0).getDaemon(), "build " + i + " lands on the key's daemon");
        }
        BuildkitAddress other = pool.addresses.get(0).addr().equals(expected) ? pool.addresses.get(1) : pool.addresses.get(0);
        pool.stop(pool.addresses.indexOf(BuildkitAddress.of(expected)));
        RustCargoStep step = step("build -p tiny-app");
        step.setAddr(addrs);
        StepHarness h = new StepHarness(ws, job, env);
        h.run(step, 15);
        assertTrue(h.console().contains("[rust-cargo] daemon: " + other.addr() + " (first choice " + expected + " unreachable)"),
                h.console());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (pool != null) {
            pool.close();
        }
        String dockerHost = System.getenv("RUSTCARGO_DOCKER_HOST");
        for (String[] cmd : new String[][] {{"docker", "rm", "-f", container}, {"docker", "volume", "rm", "-f", container + "-state"}}) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_HOST", dockerHost);
            pb.start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}

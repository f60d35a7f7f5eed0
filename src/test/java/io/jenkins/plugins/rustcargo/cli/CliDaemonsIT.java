package io.jenkins.plugins.rustcargo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.DaemonPool;
import io.jenkins.plugins.rustcargo.engine.PoolDaemons;
import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** bin/rustcargo with --managed-daemon and with a pool of --addr, against real daemons. */
class CliDaemonsIT {
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String container = "rustcargo-it-cli-" + id;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PoolDaemons pool;

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildsInTheManagedContainer() throws Exception {
        Map<String, String> env = RealBuildKit.hostEnv();
        env.remove("BUILDKIT_HOST");
        assertNotNull(env.get("RUSTCARGO_DOCKER_HOST"), "RUSTCARGO_DOCKER_HOST is not set: run through bin/test");
        env.put("DOCKER_HOST", env.get("RUSTCARGO_DOCKER_HOST"));
        Path ws = RealBuildKit.workspace("tiny");
        Path summary = ws.resolve("summary.json");
        String[] args = {"--managed-daemon", "--daemon-name", container, "--daemon-image", System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE"),
            "-C", ws.toString(), "--image", RealBuildKit.image(), "--namespace", RealBuildKit.freshNamespace("cli-managed"),
            "--summary-json", summary.toString(), "--", "run", "-q", "-p", "tiny-app"};
        assertEquals(0, run(env, args), text());
        assertTrue(text().contains("rustcargo: managed daemon: creating container " + container), text());
        assertTrue(text().contains("value=7"), text());
        assertTrue(Files.readString(summary).contains("\"daemon\":\"docker-container://" + container + "\""), Files.readString(summary));
        assertEquals(0, run(env, args), text());
        assertTrue(text().contains("rustcargo: managed daemon: reusing container " + container), text());

        assertEquals(0, run(env, "caches", "--managed-daemon", "--daemon-name", container, "--daemon-image",
                System.getenv("RUSTCARGO_BUILDKIT_DOCKER_IMAGE")), text());
        assertTrue(text().contains("/target/local-"), "the build's target cache is listed: " + text());
    }

    @Test
    void routesAPoolAndListsAndSweepsEachDaemon() throws Exception {
        pool = new PoolDaemons(2);
        String a = pool.addresses.get(0).addr();
        String b = pool.addresses.get(1).addr();
        Map<String, String> env = RealBuildKit.hostEnv();
        env.remove("BUILDKIT_HOST");
        Path ws = RealBuildKit.workspace("tiny");
        String ns = RealBuildKit.freshNamespace("cli-pool");
        String expected = new DaemonPool(pool.addresses).rank(ns, "pooled").get(0).addr();
        Path summary = ws.resolve("summary.json");
        assertEquals(0, run(env, "--addr", a, "--addr", b, "-C", ws.toString(), "--image", RealBuildKit.image(), "--namespace", ns,
                "--cache-key", "pooled", "--summary-json", summary.toString(), "--", "build", "-p", "tiny-app"), text());
        assertTrue(text().contains("rustcargo: daemon: " + expected), text());
        assertTrue(Files.readString(summary).contains("\"daemon\":\"" + expected + "\""), Files.readString(summary));

        assertEquals(0, run(env, "caches", "--addr", a, "--addr", b), text());
        assertTrue(text().contains("daemon: " + a) && text().contains("daemon: " + b), text());
        assertTrue(text().contains("rustcargo/" + ns + "/target/pooled/"), text());

        assertEquals(0, run(env, "sweep", "--addr", a, "--addr", b, "--namespace", ns), text());
        assertTrue(text().contains("sweep of " + a) && text().contains("sweep of " + b), text());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (pool != null) {
            pool.close();
        }
        for (String[] cmd : new String[][] {{"docker", "rm", "-f", container}, {"docker", "volume", "rm", "-f", container + "-state"}}) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_HOST", System.getenv("RUSTCARGO_DOCKER_HOST"));
            pb.start().waitFor(60, TimeUnit.SECONDS);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A remote daemon over tcp:// with mutual TLS, as docs/agent-setup.md describes, on loopback. */
class TlsDaemonIT {
    private Path state;

    @Test
    void buildsThroughMutualTlsAndRejectsClientsWithoutCertificates() throws Exception {
        state = Files.createTempDirectory("rcd-tls-");
        makeCertificates(state);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(state.resolve("buildkitd.toml"), "[registry.\"docker.io\"]\n  mirrors = [\""
                + System.getenv().getOrDefault("RUSTCARGO_REGISTRY_MIRROR", "127.0.0.1:5000") + "\"]\n");
        ExtraDaemon.start(state, List.of("--addr", "tcp://127.0.0.1:" + port, "--config", state.resolve("buildkitd.toml").toString(),
                "--tlscacert", state.resolve("ca.pem").toString(), "--tlscert", state.resolve("server.pem").toString(),
                "--tlskey", state.resolve("server-key.pem").toString()));
        BuildkitAddress tls = BuildkitAddress.of("tcp://127.0.0.1:" + port).withTls(state.resolve("ca.pem").toString(),
                state.resolve("client.pem").toString(), state.resolve("client-key.pem").toString(), "127.0.0.1");
        DaemonLocator locator = new DaemonLocator(new LocalBuildHost(), new RecordingLog("probe"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (locator.probe(tls, RealBuildKit.hostEnv()) != null && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }

        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("tls");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, "tls").daemon(tls)
                .args("run -q -p tiny-app").build()).summary();
        assertEquals(0, s.exitCode());
        assertTrue(log.contains("output", "value=7"), log.texts("output").toString());

        BuildkitAddress noClientCert = BuildkitAddress.of("tcp://127.0.0.1:" + port)
                .withTls(state.resolve("ca.pem").toString(), null, null, "127.0.0.1");
        DaemonUnavailableException e = assertThrows(DaemonUnavailableException.class, () -> RealBuildKit
                .engine(new RecordingLog("tls-reject")).run(RealBuildKit.request(ws, "tls").daemon(noClientCert).args("build").build()));
        assertTrue(e.getMessage().startsWith("BuildKit daemon at tcp://127.0.0.1:" + port + " is not reachable"), e.getMessage());
    }

    private static void makeCertificates(Path dir) throws Exception {
        String script = String.join("\n",
                "set -e",
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 1 -subj /CN=rustcargo-test-ca 2>/dev/null",
                "for who in server client; do",
                "  openssl req -newkey rsa:2048 -nodes -keyout $who-key.pem -out $who.csr -subj /CN=$who 2>/dev/null",
                "  printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth,clientAuth\\n' > $who.ext",
                "  openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out $who.pem -days 1 -extfile $who.ext 2>/dev/null",
                "done");
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made the certificates");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (state != null) {
            ExtraDaemon.stop(state.resolve("buildkitd.pid"));
            ExtraDaemon.deleteState(state);
        }
    }
}

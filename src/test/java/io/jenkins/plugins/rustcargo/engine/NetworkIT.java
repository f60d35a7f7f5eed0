package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Network modes on the real daemon (docs/security.md): cargo still fetches crates, while build
 * scripts reach neither the agent's loopback services (a port this test opens, the toolchain
 * registry on 127.0.0.1:5000) nor the link-local metadata address.
 */
class NetworkIT {

    /** The default-mode probe: without a network, nothing it tries leaves the build's own namespace. */
    static String connector(int port) {
        return connector("\"127.0.0.1:" + port + "\", \"127.0.0.1:5000\", \"169.254.169.254:80\"");
    }

    /** A build script that tries each address and prints "NET addr CONNECTED" or "NET addr failed (...)". */
    static String connector(String quotedAddresses) {
        return """
                use std::net::{SocketAddr, TcpStream};
                use std::time::Duration;
                fn main() {
                    for addr in [ADDRESSES] {
                        let a: SocketAddr = addr.parse().unwrap();
                        let outcome = match TcpStream::connect_timeout(&a, Duration::from_secs(3)) {
                            Ok(_) => "CONNECTED".to_string(),
                            Err(e) => format!("failed ({})", e),
                        };
                        println!("cargo:warning=NET {} {}", addr, outcome);
                    }
                }
                """.replace("ADDRESSES", quotedAddresses);
    }

    @Test
    void buildScriptsReachNoLoopbackServiceNorMetadataWhileCargoFetchesCrates() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            // The test can reach its own port, so a refusal below is the build's confinement.
            try (Socket self = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                Thread.sleep(200);
            }
            int baseline = accepted.get();
            assertEquals(1, baseline);

            Path ws = RealBuildKit.workspace("tiny");
            Files.writeString(ws.resolve("tiny-app/build.rs"), connector(server.getLocalPort()));
            RecordingLog log = new RecordingLog("network");
            RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("net"))
                    .args("build").build()).summary();

            assertTrue(s.downloaded() >= 2, "cargo fetched itoa and memchr from the crates registry: " + s);
            List<String> attempts = log.texts("output").stream().filter(l -> l.contains("NET ")).toList();
            assertEquals(3, attempts.size(), log.texts("output").toString());
            assertTrue(attempts.stream().allMatch(l -> l.contains("failed (")), attempts.toString());
            assertEquals(baseline, accepted.get(), "no connection from the build reached the test's loopback port");
        }
    }

    @Test
    void hostNetworkIsRefusedForUntrustedBuildsAndNeedsTheDaemonsEntitlement() throws Exception {
        Path ws = RealBuildKit.workspace("tiny");
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> RealBuildKit.request(ws, "unused").untrusted(true).network(BuildNetwork.HOST).args("build").build());
        assertTrue(refused.getMessage().startsWith("network 'host' is refused for untrusted builds"), refused.getMessage());

        // The shared test daemon does not allow network.host: the failure says what to change.
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(new RecordingLog("host"))
                .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("host")).network(BuildNetwork.HOST).args("build").build()));
        assertTrue(e.getMessage().contains("insecure-entitlements"), e.getMessage());
    }

    @Test
    void hostNetworkReachesTheAgentWhenTheDaemonAllowsIt() throws Exception {
        Path state = Files.createTempDirectory("rcd-host-");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Files.writeString(state.resolve("buildkitd.toml"), "insecure-entitlements = [\"network.host\"]\n[registry.\"docker.io\"]\n  mirrors = [\""
                    + System.getenv().getOrDefault("RUSTCARGO_REGISTRY_MIRROR", "127.0.0.1:5000") + "\"]\n");
            BuildkitAddress daemon = BuildkitAddress.of("unix://" + state.resolve("buildkitd.sock"));
            ExtraDaemon.start(state, List.of("--addr", daemon.addr(), "--config", state.resolve("buildkitd.toml").toString()));
            DaemonLocator locator = new DaemonLocator(new LocalBuildHost(), new RecordingLog("probe"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (locator.probe(daemon, RealBuildKit.hostEnv()) != null && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }

            Path ws = RealBuildKit.workspace("tiny");
            // With the host network only the test's own loopback port is tried: tests send nothing elsewhere.
            Files.writeString(ws.resolve("tiny-app/build.rs"), connector("\"127.0.0.1:" + server.getLocalPort() + "\""));
            RecordingLog log = new RecordingLog("host-network");
            RealBuildKit.engine(log).run(RealBuildKit.request(ws, "host").daemon(daemon).network(BuildNetwork.HOST)
                    .args("build").build());
            assertTrue(log.texts("output").stream().anyMatch(l -> l.contains("NET 127.0.0.1:" + server.getLocalPort() + " CONNECTED")),
                    log.texts("output").toString());
            assertTrue(accepted.get() >= 1, "the trusted build's script reached the test's port");
        } finally {
            ExtraDaemon.stop(state.resolve("buildkitd.pid"));
            ExtraDaemon.deleteState(state);
        }
    }
}

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

    static String connector(int port) {
        return """
                use std::net::{SocketAddr, TcpStream};
                use std::time::Duration;
                fn main() {
                    for addr in ["127.0.0.1:PORT", "127.0.0.1:5000", "169.254.169.254:80"] {
                        let a: SocketAddr = addr.parse().unwrap();
                        let outcome = match TcpStream::connect_timeout(&a, Duration::from_secs(3)) {
                            Ok(_) => "CONNECTED".to_string(),
                            Err(e) => format!("failed ({})", e),
                        };
                        println!("cargo:warning=NET {} {}", addr, outcome);
                    }
                }
                """.replace("PORT", Integer.toString(port));
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
}

package io.jenkins.plugins.rustcargo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A sparse cargo registry on loopback that requires authentication and serves one crate,
 * {@code tokdep 0.1.0}. It records every Authorization header, so a test can see that the token
 * reached cargo. The crate's source carries a marker, a positive control for cache greps.
 */
public final class TokenRegistry implements AutoCloseable {
    public static final String CRATE = "tokdep";
    private final HttpServer server;
    private final byte[] crate;
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public TokenRegistry(String marker) throws IOException {
        crate = crateFile(marker);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The index URL to configure as {@code [registries.NAME] index = ...}. */
    public String index() {
        return "sparse+http://127.0.0.1:" + server.getAddress().getPort() + "/index/";
    }

    private void serve(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String path = x.getRequestURI().getPath();
        byte[] body;
        if (path.equals("/index/config.json")) {
            body = ("{\"dl\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/dl/{crate}/{version}\","
                    + "\"api\":\"http://127.0.0.1:" + server.getAddress().getPort() + "\",\"auth-required\":true}")
                    .getBytes(StandardCharsets.UTF_8);
        } else if (auth == null) {
            x.sendResponseHeaders(401, -1); // cargo then sends the token
            x.close();
            return;
        } else if (path.equals("/index/to/kd/" + CRATE)) {
            authorizations.add(auth);
            body = ("{\"name\":\"" + CRATE + "\",\"vers\":\"0.1.0\",\"deps\":[],\"cksum\":\"" + sha256(crate)
                    + "\",\"features\":{},\"yanked\":false}\n").getBytes(StandardCharsets.UTF_8);
        } else if (path.equals("/dl/" + CRATE + "/0.1.0")) {
            authorizations.add(auth);
            body = crate;
        } else {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] crateFile(String marker) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            String dir = CRATE + "-0.1.0/";
            tarEntry(out, dir + "Cargo.toml", "[package]\nname = \"" + CRATE + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
            tarEntry(out, dir + "src/lib.rs", "// " + marker + "\npub fn value() -> u32 { 42 }\n");
            out.write(new byte[1024]); // end of archive
        }
        return gz.toByteArray();
    }

    /** One regular file in the POSIX ustar format. */
    private static void tarEntry(OutputStream out, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 1_700_000_000L));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] header, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a workspace whose package {@code tokapp} prints {@code value=42} from the registry's crate. */
    public Path workspace() throws IOException {
        Path ws = Files.createTempDirectory("rustcargo-it-token-");
        Files.writeString(ws.resolve("Cargo.toml"), "[package]\nname = \"tokapp\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\n" + CRATE + " = { version = \"0.1\", registry = \"testreg\" }\n");
        Files.createDirectories(ws.resolve("src"));
        Files.writeString(ws.resolve("src/main.rs"), "fn main() { println!(\"value={}\", " + CRATE + "::value()); }\n");
        Files.createDirectories(ws.resolve(".cargo"));
        // Authenticated registries need a credential provider; cargo:token reads the env variable.
        Files.writeString(ws.resolve(".cargo/config.toml"), "[registry]\nglobal-credential-providers = [\"cargo:token\"]\n"
                + "[registries.testreg]\nindex = \"" + index() + "\"\n");
        return ws;
    }

    /** The shared daemon's --root, from its pid file next to its socket (scripts/env/setup). */
    public static Path daemonRoot() throws IOException {
        String host = RealBuildKit.hostEnv().get("BUILDKIT_HOST");
        Path pidFile = Paths.get(host.replaceFirst("^unix://", "")).resolveSibling("buildkitd.pid");
        String pid = Files.readString(pidFile).trim();
        List<String> argv = List.of(new String(Files.readAllBytes(Paths.get("/proc", pid, "cmdline")), StandardCharsets.UTF_8)
                .split("\0"));
        return Paths.get(argv.get(argv.indexOf("--root") + 1));
    }

    /** Files under {@code dir} containing {@code text}; devices, sockets and links are not followed. */
    public static List<String> grep(String text, Path dir) throws Exception {
        Process p = new ProcessBuilder("grep", "-rlsF", "-D", "skip", "--", text, dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("grep of " + dir + " did not finish");
        }
        String files = new String(out, StandardCharsets.UTF_8).strip();
        return files.isEmpty() ? List.of() : List.of(files.split("\n"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

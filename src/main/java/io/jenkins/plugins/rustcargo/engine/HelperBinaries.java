package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-container helper (helper/, Go), built for each Linux architecture into this package's
 * resources, and the one place that says how a build reaches it.
 *
 * <p>The binaries are staged once per content hash in a directory next to the per-build temp
 * directories and reused by every later build on that host, so BuildKit's context sync finds
 * nothing new to send; only the small per-build {@code run.json} travels each time, in its own
 * context. The build mounts {@code linux-$TARGETARCH}, so whichever platform the daemon runs gets
 * its own binary.
 */
final class HelperBinaries {
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64");
    static final String BINARY_CONTEXT = "rustcargo";
    static final String CONFIG_CONTEXT = "rustcargo-config";
    static final String BINARY_MOUNT = "/opt/rustcargo";
    static final String CONFIG_MOUNT = "/opt/rustcargo-config";
    static final String EXECUTABLE = BINARY_MOUNT + "/rustcargo-helper";
    static final String CONFIG_FILE = CONFIG_MOUNT + "/run.json";
    private static final String COMPLETE_MARKER = ".complete";

    private static final Map<String, byte[]> BINARIES = load();
    private static final String VERSION = version(BINARIES);

    private HelperBinaries() {}

    /** The bundled binary for a Linux architecture ("amd64", "arm64"), or null when not built. */
    static byte[] binary(String arch) {
        return BINARIES.get(arch);
    }

    /** Content hash of the bundled binaries. */
    static String version() {
        return VERSION;
    }

    /** Where a build's helper files are on the build host. */
    record Staged(String binaryDir, String configDir) {}

    /**
     * Stages the binaries (once per host and helper version, beside {@code tmp}) and the config
     * (in {@code tmp}). Concurrent first builds are safe: every file is written atomically and
     * the marker goes last.
     */
    static Staged stage(BuildHost host, String tmp, String runJson) throws IOException, InterruptedException {
        if (BINARIES.isEmpty()) {
            throw new IOException("rustcargo-helper is missing from the engine jar: rebuild with 'mvn package' (needs Go)");
        }
        String parent = tmp.substring(0, tmp.lastIndexOf('/'));
        String binaryDir = parent + "/rustcargo-helper-" + VERSION;
        if (!host.exists(binaryDir + "/" + COMPLETE_MARKER)) {
            for (Map.Entry<String, byte[]> e : BINARIES.entrySet()) {
                host.writeFile(binaryDir + "/linux-" + e.getKey() + "/rustcargo-helper", e.getValue(), true);
            }
            host.writeFile(binaryDir + "/" + COMPLETE_MARKER, VERSION.getBytes(StandardCharsets.UTF_8), false);
        }
        String configDir = tmp + "/helper-config";
        host.writeFile(configDir + "/run.json", runJson.getBytes(StandardCharsets.UTF_8), false);
        return new Staged(binaryDir, configDir);
    }

    /** buildctl flags that provide the two named contexts. */
    static List<String> buildctlFlags(Staged staged) {
        List<String> flags = new ArrayList<>();
        flags.addAll(List.of("--local", BINARY_CONTEXT + "=" + staged.binaryDir()));
        flags.addAll(List.of("--local", CONFIG_CONTEXT + "=" + staged.configDir()));
        flags.addAll(List.of("--opt", "context:" + BINARY_CONTEXT + "=local:" + BINARY_CONTEXT));
        flags.addAll(List.of("--opt", "context:" + CONFIG_CONTEXT + "=local:" + CONFIG_CONTEXT));
        return flags;
    }

    /** The RUN flags that mount the helper and its config (needs {@code ARG TARGETARCH}). */
    static String mounts() {
        return "--mount=type=bind,from=" + BINARY_CONTEXT + ",source=linux-${TARGETARCH},target=" + BINARY_MOUNT
                + " \\\n    --mount=type=bind,from=" + CONFIG_CONTEXT + ",target=" + CONFIG_MOUNT;
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> binaries = new LinkedHashMap<>();
        for (String arch : ARCHITECTURES) {
            try (InputStream in = HelperBinaries.class.getResourceAsStream("helper/linux-" + arch + "/rustcargo-helper")) {
                if (in != null) {
                    binaries.put(arch, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled rustcargo-helper for " + arch, e);
            }
        }
        return binaries;
    }

    private static String version(Map<String, byte[]> binaries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : binaries.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The in-container helper (helper/, Go) is built for each Linux architecture into this package's
 * resources. The build mounts {@code linux-$TARGETARCH}, so whichever platform the daemon runs
 * gets its own binary.
 */
final class HelperBinaries {
    static final List<String> ARCHITECTURES = List.of("amd64", "arm64");

    private HelperBinaries() {}

    /** Writes {@code <dir>/linux-<arch>/{rustcargo-helper,run.json}} for every bundled arch. */
    static void stage(BuildHost host, String dir, String runJson) throws IOException, InterruptedException {
        int staged = 0;
        for (String arch : ARCHITECTURES) {
            byte[] binary = load(arch);
            if (binary == null) {
                continue;
            }
            String archDir = dir + "/linux-" + arch;
            host.writeFile(archDir + "/rustcargo-helper", binary, true);
            host.writeFile(archDir + "/run.json", runJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            staged++;
        }
        if (staged == 0) {
            throw new IOException("rustcargo-helper is missing from the engine jar: rebuild with 'mvn package' (needs Go)");
        }
    }

    private static byte[] load(String arch) throws IOException {
        try (InputStream in = HelperBinaries.class.getResourceAsStream("helper/linux-" + arch + "/rustcargo-helper")) {
            return in == null ? null : in.readAllBytes();
        }
    }
}

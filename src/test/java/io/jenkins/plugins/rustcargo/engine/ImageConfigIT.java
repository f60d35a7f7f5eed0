package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The image's own cargo configuration and credentials keep applying although CARGO_HOME moved
 * into the cache, and secrets reach cargo only as BuildKit secrets.
 */
class ImageConfigIT {
    private static final String IMAGE = "127.0.0.1:5000/rustcargo-test/rust-with-config:1";

    @Test
    void imageConfigAndCredentialsApplyAndSecretsArriveAsEnvironment() throws Exception {
        pushImageWithCargoConfig();
        Path ws = RealBuildKit.workspace("tiny");
        RecordingLog log = new RecordingLog("image-config");
        RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("imgcfg")).image(IMAGE)
                .hostEnv(withSecret()).secretEnv("MY_SECRET_TOKEN")
                .args("tiny env CARGO_REGISTRIES_CORP_TOKEN MY_SECRET_TOKEN").build());
        assertEquals("from-image-credentials", GeneratedBuildIT.value(log, "CARGO_REGISTRIES_CORP_TOKEN"),
                "credentials.toml of the image applies");
        // Masked, not empty: cargo printed exactly the secret's value, and the log never shows it.
        assertEquals("****", GeneratedBuildIT.value(log, "MY_SECRET_TOKEN"), "the secret reached cargo's environment");
        assertTrue(log.lines().stream().noneMatch(l -> l.text().contains("s3cret-value")), "the value never reaches the log");
        // The alias "tiny" only exists in the image's config.toml, so the run itself proves it applied.
    }

    private static java.util.Map<String, String> withSecret() {
        java.util.Map<String, String> env = RealBuildKit.hostEnv();
        env.put("MY_SECRET_TOKEN", "s3cret-value");
        return env;
    }

    private static void pushImageWithCargoConfig() throws Exception {
        Path ctx = Files.createTempDirectory("rustcargo-imgcfg-");
        Files.writeString(ctx.resolve("config.toml"), "[alias]\ntiny = \"run -q -p tiny-app --\"\n");
        Files.writeString(ctx.resolve("credentials.toml"), "[registries.corp]\ntoken = \"from-image-credentials\"\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + RealBuildKit.image() + "\n"
                + "COPY config.toml credentials.toml /usr/local/cargo/\n");
        String bin = System.getenv().getOrDefault("RUSTCARGO_BUILDKIT_BIN", "");
        Process p = new ProcessBuilder(List.of(bin.isEmpty() ? "buildctl" : bin + "/buildctl", "build", "--frontend", "dockerfile.v0",
                "--local", "context=" + ctx, "--local", "dockerfile=" + ctx, "--output", "type=image,name=" + IMAGE + ",push=true"))
                .inheritIO().start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "test image pushed");
    }
}

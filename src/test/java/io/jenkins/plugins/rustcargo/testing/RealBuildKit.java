package io.jenkins.plugins.rustcargo.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.rustcargo.engine.CargoEngine;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.LocalBuildHost;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Access to the real buildkitd that scripts/env/setup started (bin/test and .ci/run export its
 * address). Every test gets its own cache namespace, so "cold" really means empty caches while
 * the daemon, the image and crates.io are all real.
 */
public final class RealBuildKit {
    private RealBuildKit() {}

    public static Map<String, String> hostEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        assertNotNull(env.get("BUILDKIT_HOST"),
                "BUILDKIT_HOST is not set: run the tests through bin/test, which starts buildkitd");
        return env;
    }

    public static String image() {
        return System.getenv().getOrDefault("RUSTCARGO_TEST_IMAGE", CargoRequest.DEFAULT_IMAGE);
    }

    /** A namespace nobody used before: empty CARGO_HOME and target caches. */
    public static String freshNamespace(String what) {
        return "it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request on the real daemon with test defaults; callers add args and options. */
    public static CargoRequest.Builder request(Path workspace, String namespace) {
        return CargoRequest.builder()
                .workspace(workspace.toString())
                .image(image())
                .namespace(namespace)
                .cacheKey("it")
                .sweep(SweepPolicy.NONE)
                .hostEnv(hostEnv());
    }

    public static CargoEngine engine(RecordingLog log) {
        return new CargoEngine(new LocalBuildHost(), log);
    }

    /** Copies a workspace fixture from src/test/resources/workspaces into a new temp dir. */
    public static Path workspace(String fixture) throws IOException {
        Path source = Paths.get("src/test/resources/workspaces", fixture).toAbsolutePath();
        Path target = Files.createTempDirectory("rustcargo-it-" + fixture + "-");
        copyTree(source, target);
        return target;
    }

    public static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

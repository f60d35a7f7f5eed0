package io.jenkins.plugins.rustcargo.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that forms BuildKit cache ids and cache-mount options. Builds and scheduled
 * sweeps both mount through here, so a cache id is always used with the same sharing mode and
 * the same (absent) mode/uid/gid/from options, which keeps the daemon key identical.
 */
public final class CacheIds {
    public static final String PREFIX = "rustcargo";
    public static final String CARGO_HOME_MOUNT = "/opt/rustcargo-cargo-home";
    public static final String WORKSPACE_MOUNT = "/workspace";
    public static final String TARGET_MOUNT = WORKSPACE_MOUNT + "/target";

    private static final Pattern TARGET_ID = Pattern.compile(
            Pattern.quote(PREFIX) + "/([^/]+)/target/([^/]+)/([^/]+)/([^/]+)/([^/]+)");

    private CacheIds() {}

    public static String cargoHomeId(String namespace) {
        return PREFIX + "/" + namespace + "/cargo-home";
    }

    public static String targetId(String namespace, String cacheKey, ArtifactScope scope) {
        return PREFIX + "/" + namespace + "/target/" + cacheKey + "/" + scope.triple() + "/"
                + scope.profile() + "/" + scope.rustflagsHash();
    }

    /** {@code --mount} value for the shared CARGO_HOME cache. Cargo's own lock keeps it safe. */
    public static String cargoHomeMount(String namespace) {
        return "type=cache,id=" + cargoHomeId(namespace) + ",target=" + CARGO_HOME_MOUNT + ",sharing=shared";
    }

    /** {@code --mount} value for a target cache: one build (or sweep) at a time. */
    public static String targetMount(String targetId) {
        return "type=cache,id=" + targetId + ",target=" + TARGET_MOUNT + ",sharing=locked";
    }

    /** A target cache id taken apart again, e.g. from {@code buildctl du} descriptions. */
    public record TargetCache(String id, String namespace, String cacheKey, ArtifactScope scope) {}

    public static Optional<TargetCache> parseTargetId(String id) {
        Matcher m = TARGET_ID.matcher(id.startsWith("/") ? id.substring(1) : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TargetCache(m.group(0), m.group(1), m.group(2),
                new ArtifactScope(m.group(3), m.group(4), m.group(5))));
    }
}

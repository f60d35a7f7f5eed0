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
    /** Where an untrusted build's seed step sees the trusted target cache (read-only). */
    public static final String SEED_MOUNT = "/opt/rustcargo-seed";

    private static final String TRUSTED_TARGETS = "target";
    /** Untrusted builds write only caches under this segment, which no trusted build mounts writable. */
    private static final String UNTRUSTED_TARGETS = "untrusted-target";
    private static final Pattern TARGET_ID = Pattern.compile(Pattern.quote(PREFIX) + "/([^/]+)/("
            + TRUSTED_TARGETS + "|" + UNTRUSTED_TARGETS + ")/([^/]+)/([^/]+)/([^/]+)/([^/]+)");

    private CacheIds() {}

    public static String cargoHomeId(String namespace) {
        return PREFIX + "/" + namespace + "/cargo-home";
    }

    /** The trusted target cache of a key and scope: the one trusted builds read and write. */
    public static String targetId(String namespace, String cacheKey, ArtifactScope scope) {
        return targetId(namespace, cacheKey, scope, false);
    }

    /**
     * The target cache a build writes. Untrusted builds get their own id, so nothing they write
     * reaches a trusted build; they start from a copy of the trusted one (see {@link #seedMount}).
     */
    public static String targetId(String namespace, String cacheKey, ArtifactScope scope, boolean untrusted) {
        return PREFIX + "/" + namespace + "/" + (untrusted ? UNTRUSTED_TARGETS : TRUSTED_TARGETS) + "/" + cacheKey
                + "/" + scope.triple() + "/" + scope.profile() + "/" + scope.rustflagsHash();
    }

    /**
     * {@code --mount} value for the shared CARGO_HOME cache. Only the fetch step, where nothing but
     * cargo runs, mounts it writable; the build step, where build scripts and tests run, mounts it
     * read-only. Both say {@code sharing=shared}: one id never has two sharing modes.
     */
    public static String cargoHomeMount(String namespace, boolean writable) {
        return "type=cache,id=" + cargoHomeId(namespace) + ",target=" + CARGO_HOME_MOUNT + ",sharing=shared"
                + (writable ? "" : ",readonly");
    }

    /** {@code --mount} value for a target cache: one build (or sweep) at a time. */
    public static String targetMount(String targetId) {
        return "type=cache,id=" + targetId + ",target=" + TARGET_MOUNT + ",sharing=locked";
    }

    /**
     * {@code --mount} value through which an untrusted build's seed step reads the trusted target
     * cache. Same id and sharing mode as the trusted builds' own mount, so it waits for a running
     * trusted build like any other user of the key, and read-only, so it cannot change it.
     */
    public static String seedMount(String trustedTargetId) {
        return "type=cache,id=" + trustedTargetId + ",target=" + SEED_MOUNT + ",sharing=locked,readonly";
    }

    /** A target cache id taken apart again, e.g. from {@code buildctl du} descriptions. */
    public record TargetCache(String id, String namespace, String cacheKey, ArtifactScope scope, boolean untrusted) {}

    public static Optional<TargetCache> parseTargetId(String id) {
        Matcher m = TARGET_ID.matcher(id.startsWith("/") ? id.substring(1) : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TargetCache(m.group(0), m.group(1), m.group(3),
                new ArtifactScope(m.group(4), m.group(5), m.group(6)), m.group(2).equals(UNTRUSTED_TARGETS)));
    }
}

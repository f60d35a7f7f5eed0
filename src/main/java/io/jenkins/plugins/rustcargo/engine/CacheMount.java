package io.jenkins.plugins.rustcargo.engine;

import java.io.Serializable;
import java.time.Instant;

/**
 * One cache-mount record of the daemon, as {@code buildctl du} reports it.
 *
 * @param cacheId the cache id without the leading slash, e.g. {@code rustcargo/default/cargo-home}
 * @param recordId BuildKit's record id
 * @param lastUsed null when the daemon does not know
 */
public record CacheMount(String cacheId, String recordId, long sizeBytes, Instant lastUsed, boolean inUse, int usageCount)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean isRustCargo() {
        return cacheId.startsWith(CacheIds.PREFIX + "/");
    }

    public boolean isTargetCache() {
        return CacheIds.parseTargetId(cacheId).isPresent();
    }
}

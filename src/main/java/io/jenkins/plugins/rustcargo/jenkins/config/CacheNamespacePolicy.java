package io.jenkins.plugins.rustcargo.jenkins.config;

import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;

/**
 * Which jobs share a cache namespace, i.e. one CARGO_HOME cache mount per daemon. Sharing more
 * means fewer downloads; sharing less keeps teams' registries and credentials apart. Target
 * caches are per job (cache key) in every policy.
 */
public enum CacheNamespacePolicy {
    /** Every job on a daemon shares one CARGO_HOME: each crate is downloaded once per agent. */
    GLOBAL,
    /** One namespace per top-level folder or job, e.g. one per organization folder. */
    TOP_LEVEL_ITEM,
    /** One namespace per job (per branch job in multibranch projects). */
    PER_JOB;

    /** Messages.properties: {@code CacheNamespacePolicy.<constant>}. */
    public String getDisplayName() {
        return switch (this) {
            case GLOBAL -> Messages.CacheNamespacePolicy_GLOBAL();
            case TOP_LEVEL_ITEM -> Messages.CacheNamespacePolicy_TOP_LEVEL_ITEM();
            case PER_JOB -> Messages.CacheNamespacePolicy_PER_JOB();
        };
    }

    /**
     * The namespace for a job, e.g. {@code default}, or {@code my-org-1a2b3c4d} for a job
     * {@code my-org/app/main} under {@link #TOP_LEVEL_ITEM}. Always a valid namespace: names are
     * made safe by {@link CacheKey#derive}, whose hash keeps distinct names distinct.
     */
    public String namespaceFor(String jobFullName) {
        if (this == GLOBAL) {
            return CargoRequest.DEFAULT_NAMESPACE;
        }
        if (jobFullName == null || jobFullName.isBlank()) {
            throw new IllegalArgumentException("a job name is needed for the " + name() + " cache namespace policy");
        }
        String owner = this == TOP_LEVEL_ITEM ? topLevel(jobFullName) : jobFullName;
        try {
            return CacheKey.validate("cache namespace", CacheKey.derive(owner));
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("derived an invalid namespace for " + jobFullName, e);
        }
    }

    private static String topLevel(String jobFullName) {
        int slash = jobFullName.indexOf('/');
        return slash < 0 ? jobFullName : jobFullName.substring(0, slash);
    }
}

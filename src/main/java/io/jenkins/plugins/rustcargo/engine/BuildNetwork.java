package io.jenkins.plugins.rustcargo.engine;

import java.util.Locale;

/**
 * The network of the build step, where build scripts, proc macros and tests run. Dependencies are
 * fetched before, in a step where only cargo runs (see docs/security.md), so the default needs none.
 */
public enum BuildNetwork {
    /** Loopback only: no agent service, no metadata address, no internet. The default. */
    NONE,
    /** The daemon host's network; trusted builds only, and the daemon must allow network.host. */
    HOST;

    /** The value of the {@code --network} flag and the {@code network} step parameter. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user's value; null or blank is the default. */
    public static BuildNetwork parse(String value) throws InvalidRequestException {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        for (BuildNetwork n : values()) {
            if (n.value().equals(value.trim())) {
                return n;
            }
        }
        throw new InvalidRequestException("network '" + value + "' is not valid: use 'none' (the default) or 'host'");
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the caller's environment variables cargo sees inside the build. Only variables that
 * shape cargo's behaviour are forwarded, as plain build args; anything secret must go through
 * {@link CargoRequest.Builder#secretEnv(String)}.
 */
public final class CargoEnvironment {
    private static final List<String> EXACT = List.of("RUSTFLAGS", "RUSTDOCFLAGS", "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_RUSTFLAGS", "CARGO_INCREMENTAL", "CARGO_BUILD_TARGET", "CARGO_BUILD_JOBS", "CARGO_TERM_COLOR",
            "CARGO_NET_OFFLINE", "RUST_BACKTRACE", "RUST_LOG", "RUST_TEST_THREADS");
    private static final List<String> PREFIXES = List.of("CARGO_PROFILE_");

    private CargoEnvironment() {}

    public static Map<String, String> forwardFrom(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String k = e.getKey();
            if (EXACT.contains(k) || PREFIXES.stream().anyMatch(k::startsWith)) {
                out.put(k, e.getValue());
            }
        }
        return out;
    }
}

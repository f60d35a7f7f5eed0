package io.jenkins.plugins.rustcargo.engine;

import java.util.List;
import java.util.Map;

/**
 * What changes the artifacts in {@code target/} besides the sources: target triple, cargo profile
 * and RUSTFLAGS. Each distinct scope gets its own target cache, so a release build never waits
 * for a debug one's lock.
 *
 * <p>The rule, measured (cargo 1.95, real buildkitd, {@code AlternatingScopesIT}): cargo itself
 * does not thrash when one target directory alternates profiles, triples, RUSTFLAGS (also ones
 * this class cannot see, e.g. {@code --config build.rustflags}), features or
 * {@code CARGO_PROFILE_*} settings, because it hashes them into each unit's file names; the
 * second round compiles 0 units. So the scope does not have to cover anything cargo leaves
 * unseparated; it splits caches for parallelism and per-configuration sweeping only. The
 * toolchain is likewise hashed by cargo (rustc's version) and left out of the scope.
 */
public record ArtifactScope(String triple, String profile, String rustflagsHash) {

    static final List<String> RUSTFLAGS_VARS =
            List.of("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS");

    public static ArtifactScope of(List<String> argv, Map<String, String> cargoEnv) {
        String triple = cargoEnv.getOrDefault("CARGO_BUILD_TARGET", "host");
        String profile = argv.isEmpty() || !argv.get(0).equals("bench") ? "dev" : "bench";
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--release") || a.equals("-r")) {
                profile = "release";
            } else if (a.equals("--profile") && i + 1 < argv.size()) {
                profile = argv.get(++i);
            } else if (a.startsWith("--profile=")) {
                profile = a.substring("--profile=".length());
            } else if (a.equals("--target") && i + 1 < argv.size()) {
                triple = argv.get(++i);
            } else if (a.startsWith("--target=")) {
                triple = a.substring("--target=".length());
            }
        }
        StringBuilder flags = new StringBuilder();
        for (String v : RUSTFLAGS_VARS) {
            flags.append(v).append('=').append(cargoEnv.getOrDefault(v, "")).append('\n');
        }
        String hash = flags.toString().equals("RUSTFLAGS=\nCARGO_ENCODED_RUSTFLAGS=\nCARGO_BUILD_RUSTFLAGS=\n")
                ? "default"
                : "rf" + CacheKey.shortHash(flags.toString());
        return new ArtifactScope(safe(triple), safe(profile), hash);
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]+", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}

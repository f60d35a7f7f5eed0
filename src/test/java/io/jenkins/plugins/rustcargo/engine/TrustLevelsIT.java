package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust levels on the real daemon (docs/security.md): a build script that tries to poison the
 * registry sources, the .crate files and the target cache cannot change what a later trusted
 * build compiles, and an untrusted build starts warm from the trusted cache.
 */
class TrustLevelsIT {
    /**
     * Tries every write an attacker would: each itoa source dir and .crate file it can find through
     * CARGO_HOME and the cache mount itself, and a marker file in the target dir.
     * Prints one "POISON ..." warning per attempt, WROTE or refused.
     */
    static final String POISONER = """
            use std::{fs, path::{Path, PathBuf}};
            fn attempt(what: &str, r: std::io::Result<()>) {
                let outcome = match r { Ok(()) => "WROTE".to_string(), Err(e) => format!("refused ({})", e) };
                println!("cargo:warning=POISON {} {}", what, outcome);
            }
            fn find(dir: &Path, prefix: &str, out: &mut Vec<PathBuf>) {
                if let Ok(rd) = fs::read_dir(dir) {
                    for e in rd.flatten() {
                        let p = e.path();
                        if p.file_name().map_or(false, |n| n.to_string_lossy().starts_with(prefix)) { out.push(p.clone()); }
                        if p.is_dir() && !p.is_symlink() { find(&p, prefix, out); }
                    }
                }
            }
            fn main() {
                let mut roots = vec![PathBuf::from("/opt/rustcargo-cargo-home")];
                if let Ok(h) = std::env::var("CARGO_HOME") { roots.push(PathBuf::from(h).join("registry")); }
                for root in roots {
                    let mut hits = vec![];
                    find(&root, "itoa-", &mut hits);
                    for h in hits {
                        if h.is_dir() {
                            attempt("source", fs::write(h.join("src/lib.rs"), "compile_error!(\\"poisoned registry source\\");"));
                        } else {
                            attempt("crate", fs::write(&h, b"not a crate"));
                        }
                    }
                }
                let target = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or("/workspace/target".into()));
                attempt("target-marker", fs::write(target.join("poisoned-by-build-script"), b"x"));
            }
            """;

    /** Reports, read-only, whether the poisoner's marker is in this build's target dir. */
    static final String PROBE = """
            fn main() {
                let target = std::env::var("CARGO_TARGET_DIR").unwrap_or("/workspace/target".into());
                let marker = std::path::Path::new(&target).join("poisoned-by-build-script").exists();
                println!("cargo:warning=PROBE marker={}", marker);
            }
            """;

    @Test
    void buildScriptsCannotChangeWhatTheNextTrustedBuildCompiles() throws Exception {
        String ns = RealBuildKit.freshNamespace("trust");
        Path clean = RealBuildKit.workspace("tiny");

        RecordingLog warm = new RecordingLog("trusted-warm");
        RunSummary first = RealBuildKit.engine(warm).run(RealBuildKit.request(clean, ns).cacheKey("main").args("build").build()).summary();
        assertTrue(first.downloaded() >= 2, "the fetch step downloaded itoa and memchr: " + first);

        // An untrusted change request whose build script poisons whatever it can reach.
        Path pr = withBuildScript(RealBuildKit.workspace("tiny"), POISONER);
        RecordingLog untrusted = new RecordingLog("untrusted-poison");
        RunSummary prRun = RealBuildKit.engine(untrusted).run(RealBuildKit.request(pr, ns).cacheKey("pr-1").seedCacheKey("main")
                .untrusted(true).args("build").build()).summary();
        assertTrue(prRun.fresh() >= 3, "seeded from the trusted cache: the dependencies are fresh: " + prRun);
        assertEquals("rustcargo/" + ns + "/untrusted-target/pr-1/host/dev/default", prRun.targetCacheId());
        assertPoisoningRefused(untrusted);

        // A trusted build script is refused the same writes (careless rather than malicious).
        RecordingLog trustedPoison = new RecordingLog("trusted-poison");
        RealBuildKit.engine(trustedPoison).run(RealBuildKit.request(pr, ns).cacheKey("other-job").args("build").build());
        assertPoisoningRefused(trustedPoison);

        // The trusted cache never saw the untrusted build's marker ...
        Path probe = withBuildScript(RealBuildKit.workspace("tiny"), PROBE);
        RecordingLog probed = new RecordingLog("trusted-probe");
        RealBuildKit.engine(probed).run(RealBuildKit.request(probe, ns).cacheKey("main").args("run -p tiny-app").build());
        assertTrue(probed.texts("output").stream().anyMatch(l -> l.contains("PROBE marker=false")), probed.texts("output").toString());
        assertTrue(probed.texts("output").stream().anyMatch(l -> l.contains("dash-at=Some(4)")),
                "and still runs: " + probed.texts("output"));
        // ... while the untrusted build's own cache did (the probe itself is harmless).
        RecordingLog own = new RecordingLog("untrusted-probe");
        RealBuildKit.engine(own).run(RealBuildKit.request(probe, ns).cacheKey("pr-1").untrusted(true).args("build").build());
        assertTrue(own.texts("output").stream().anyMatch(l -> l.contains("PROBE marker=true")), own.texts("output").toString());

        // A cold trusted build compiles itoa from the registry source: the pristine one.
        RecordingLog cold = new RecordingLog("trusted-cold");
        RunSummary coldRun = RealBuildKit.engine(cold).run(RealBuildKit.request(clean, ns).cacheKey("cold").args("build").build()).summary();
        assertTrue(coldRun.compiled() >= 4, "itoa compiled again from source, and it compiled: " + coldRun);
        assertFalse(cold.texts("output").stream().anyMatch(l -> l.contains("poisoned registry source")));
    }

    @Test
    void anUntrustedBuildSeedsOnlyItsOwnEmptyCacheAndStartsWarm() throws Exception {
        String ns = RealBuildKit.freshNamespace("seed");
        Path ws = RealBuildKit.workspace("tiny");
        RealBuildKit.engine(new RecordingLog("trusted")).run(RealBuildKit.request(ws, ns).args("build").build());
        RecordingLog log = new RecordingLog("untrusted");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).untrusted(true).args("build").build()).summary();
        assertEquals(0, s.compiled(), "a copy of the trusted cache with mtimes kept: nothing to rebuild: " + s);
        assertTrue(s.fresh() >= 4, s.toString());
        List<CacheMount> mounts = new CacheInventory(new LocalBuildHost()).list(BuildkitAddress.of(RealBuildKit.hostEnv().get("BUILDKIT_HOST")),
                RealBuildKit.hostEnv());
        assertTrue(mounts.stream().anyMatch(m -> m.cacheId().equals("rustcargo/" + ns + "/untrusted-target/it/host/dev/default")),
                "the untrusted build wrote its own cache");
    }

    /**
     * A toolchain file naming a toolchain inside the workspace makes rustup run the workspace's
     * own "cargo": it leaves a marker in the cache base and then runs the real cargo.
     */
    static Path withWorkspaceToolchain(Path ws) throws Exception {
        Files.writeString(ws.resolve("rust-toolchain.toml"), "[toolchain]\npath = \"/workspace/evil-toolchain\"\n");
        Files.createDirectories(ws.resolve("evil-toolchain/bin"));
        for (String tool : List.of("cargo", "rustc")) {
            Path script = ws.resolve("evil-toolchain/bin/" + tool);
            Files.writeString(script, "#!/bin/sh\necho pwned > /opt/rustcargo-cargo-home/pwned-by-toolchain 2>/dev/null\n"
                    + "exec \"$(ls -d /usr/local/rustup/toolchains/*/ | head -n 1)bin/" + tool + "\" \"$@\"\n");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return ws;
    }

    /** Reports, read-only, whether the toolchain marker is in the namespace's CARGO_HOME cache. */
    static final String HOME_PROBE = """
            fn main() {
                let pwned = std::path::Path::new("/opt/rustcargo-cargo-home/pwned-by-toolchain").exists();
                println!("cargo:warning=HOMEPROBE pwned={}", pwned);
            }
            """;

    @Test
    void anUntrustedWorkspacesToolchainNeverRunsWhereCargoHomeIsWritable() throws Exception {
        // Control: in a trusted build the workspace's toolchain is the job's own and runs in the
        // fetch step, so the marker lands: the probe can see it.
        String trustedNs = RealBuildKit.freshNamespace("toolchain-trusted");
        RealBuildKit.engine(new RecordingLog("trusted-toolchain")).run(RealBuildKit.request(
                withWorkspaceToolchain(RealBuildKit.workspace("tiny")), trustedNs).args("build").build());
        RecordingLog control = new RecordingLog("trusted-home-probe");
        RealBuildKit.engine(control).run(RealBuildKit.request(withBuildScript(RealBuildKit.workspace("tiny"), HOME_PROBE), trustedNs)
                .args("build").build());
        assertTrue(control.texts("output").stream().anyMatch(l -> l.contains("HOMEPROBE pwned=true")), control.texts("output").toString());

        String ns = RealBuildKit.freshNamespace("toolchain-untrusted");
        RecordingLog untrusted = new RecordingLog("untrusted-toolchain");
        RealBuildKit.engine(untrusted).run(RealBuildKit.request(withWorkspaceToolchain(RealBuildKit.workspace("tiny")), ns)
                .untrusted(true).args("build").build());
        assertTrue(untrusted.texts("warn").stream().anyMatch(l -> l.contains("toolchain path")), untrusted.lines().toString());
        RecordingLog probe = new RecordingLog("home-probe");
        RealBuildKit.engine(probe).run(RealBuildKit.request(withBuildScript(RealBuildKit.workspace("tiny"), HOME_PROBE), ns)
                .args("build").build());
        assertTrue(probe.texts("output").stream().anyMatch(l -> l.contains("HOMEPROBE pwned=false")), probe.texts("output").toString());
    }

    @Test
    void gitDependenciesAreCheckedOutByTheFetchAndBuiltFromTheReadOnlyCache() throws Exception {
        // A git repository inside the workspace, used through a file:// URL (no network needed).
        Path ws = RealBuildKit.workspace("tiny");
        Path repo = ws.resolve("deps/gitdep");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("Cargo.toml"), "[package]\nname = \"gitdep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(repo.resolve("src/lib.rs"), "pub fn answer() -> u32 { 41 + 1 }\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "gitdep");
        Files.writeString(ws.resolve("tiny-app/Cargo.toml"), Files.readString(ws.resolve("tiny-app/Cargo.toml"))
                + "gitdep = { git = \"file:///workspace/deps/gitdep\" }\n");
        Files.writeString(ws.resolve("Cargo.toml"), "[workspace]\nresolver = \"2\"\nmembers = [\"tiny-core\", \"tiny-app\"]\n"
                + "exclude = [\"deps\"]\n");
        String ns = RealBuildKit.freshNamespace("git");
        RecordingLog trusted = new RecordingLog("git-trusted");
        RealBuildKit.engine(trusted).run(RealBuildKit.request(ws, ns).args("build -p tiny-app").build());
        assertTrue(trusted.texts("output").stream().anyMatch(l -> l.contains("Compiling gitdep")),
                "checked out in the fetch step, compiled offline from the read-only cache: " + trusted.texts("output"));
        RecordingLog untrusted = new RecordingLog("git-untrusted");
        RunSummary s = RealBuildKit.engine(untrusted).run(RealBuildKit.request(ws, ns).untrusted(true)
                .args("build -p tiny-app").build()).summary();
        assertTrue(s.fresh() >= 5 && s.compiled() == 0, "the untrusted build too, warm from the seed: " + s);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).inheritIO().start();
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args));
    }

    static void assertPoisoningRefused(RecordingLog log) {
        List<String> attempts = log.texts("output").stream().filter(l -> l.contains("POISON ")).toList();
        assertTrue(attempts.stream().anyMatch(l -> l.contains("POISON source")), "the build script found the sources: " + attempts);
        assertTrue(attempts.stream().anyMatch(l -> l.contains("POISON crate")), "and the .crate files: " + attempts);
        assertTrue(attempts.stream().filter(l -> l.contains("POISON source") || l.contains("POISON crate"))
                .allMatch(l -> l.contains("refused") && l.contains("Read-only file system")), attempts.toString());
    }

    static Path withBuildScript(Path ws, String buildRs) throws Exception {
        Files.writeString(ws.resolve("tiny-app/build.rs"), buildRs);
        return ws;
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheIdsTest {

    @Test
    void cargoHomeIsSharedAndTargetIsLocked() {
        assertEquals("type=cache,id=rustcargo/ns/cargo-home,target=/opt/rustcargo-cargo-home,sharing=shared",
                CacheIds.cargoHomeMount("ns", true));
        assertEquals("type=cache,id=rustcargo/ns/cargo-home,target=/opt/rustcargo-cargo-home,sharing=shared,readonly",
                CacheIds.cargoHomeMount("ns", false), "read-only, but the same id keeps its one sharing mode");
        String id = CacheIds.targetId("ns", "job-1", new ArtifactScope("host", "dev", "default"));
        assertEquals("rustcargo/ns/target/job-1/host/dev/default", id);
        assertTrue(CacheIds.targetMount(id).endsWith(",sharing=locked"));
        assertTrue(!CacheIds.targetMount(id).contains("mode=") && !CacheIds.targetMount(id).contains("uid="));
    }

    @Test
    void scopeCoversTripleProfileAndRustflags() {
        ArtifactScope plain = ArtifactScope.of(List.of("build"), Map.of());
        assertEquals(new ArtifactScope("host", "dev", "default"), plain);
        assertEquals("release", ArtifactScope.of(List.of("build", "--release"), Map.of()).profile());
        assertEquals("release", ArtifactScope.of(List.of("test", "-r"), Map.of()).profile());
        assertEquals("ci", ArtifactScope.of(List.of("build", "--profile=ci"), Map.of()).profile());
        assertEquals("aarch64-unknown-linux-gnu",
                ArtifactScope.of(List.of("build", "--target", "aarch64-unknown-linux-gnu"), Map.of()).triple());
        assertEquals("dev", ArtifactScope.of(List.of("run", "--", "--release"), Map.of()).profile());
        ArtifactScope flags = ArtifactScope.of(List.of("build"), Map.of("RUSTFLAGS", "-C target-cpu=native"));
        assertNotEquals(plain.rustflagsHash(), flags.rustflagsHash());
        assertNotEquals(flags.rustflagsHash(),
                ArtifactScope.of(List.of("build"), Map.of("RUSTFLAGS", "-C opt-level=1")).rustflagsHash());
    }

    @Test
    void targetIdsParseBack() {
        String id = CacheIds.targetId("default", "my-job-1a2b3c4d", new ArtifactScope("host", "release", "rf12345678"));
        CacheIds.TargetCache parsed = CacheIds.parseTargetId("/" + id).orElseThrow();
        assertEquals("my-job-1a2b3c4d", parsed.cacheKey());
        assertEquals("release", parsed.scope().profile());
        assertTrue(CacheIds.parseTargetId("/rustcargo/default/cargo-home").isEmpty());
        assertTrue(!parsed.untrusted());
    }

    @Test
    void untrustedBuildsWriteTheirOwnTargetCacheAndReadTheTrustedOneReadOnlyWithItsOneMode() {
        ArtifactScope scope = new ArtifactScope("host", "dev", "default");
        String trusted = CacheIds.targetId("ns", "job-1", scope, false);
        String untrusted = CacheIds.targetId("ns", "job-1", scope, true);
        assertEquals("rustcargo/ns/untrusted-target/job-1/host/dev/default", untrusted);
        assertNotEquals(trusted, untrusted);
        CacheIds.TargetCache parsed = CacheIds.parseTargetId("/" + untrusted).orElseThrow();
        assertTrue(parsed.untrusted());
        assertEquals("ns", parsed.namespace());
        assertEquals("job-1", parsed.cacheKey());
        assertEquals("type=cache,id=" + trusted + ",target=/opt/rustcargo-seed,sharing=locked,readonly",
                CacheIds.seedMount(trusted));
        assertTrue(CacheIds.targetMount(trusted).endsWith(",sharing=locked"), "the same mode as the seed mount");
    }

    @Test
    void keysAreValidatedAndDerivedSafely() throws Exception {
        assertEquals("abc.1_x-y", CacheKey.validate("cacheKey", "abc.1_x-y"));
        for (String bad : new String[] {"../x", "a/b", "", "-x", "a b", "x..y", "a".repeat(129)}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CacheKey.validate("cacheKey", bad));
            assertTrue(e.getMessage().startsWith("cacheKey '"), e.getMessage());
        }
        String a = CacheKey.derive("folder/job", "Build & Test");
        String b = CacheKey.derive("folder-job", "Build & Test");
        assertNotEquals(a, b, "distinct inputs keep distinct keys");
        CacheKey.validate("derived", a);
        CacheKey.validate("derived", CacheKey.derive("x".repeat(500)));
        assertTrue(a.startsWith("folder-job-Build-Test-"), a);
    }
}

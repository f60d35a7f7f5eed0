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
                CacheIds.cargoHomeMount("ns"));
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

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildDefinitionTest {

    private static CargoRequest.Builder request() {
        return CargoRequest.builder().workspace("/ws").args("run -- '; touch x' \"a b\"").cacheKey("job-1").namespace("ns");
    }

    @Test
    void cargoRunsInExecFormWithTheExactArgv() throws Exception {
        BuildDefinition def = new BuildDefinition(request().build());
        String df = def.dockerfile();
        assertTrue(df.contains("[\"/opt/rustcargo/rustcargo-helper\",\"run\",\"--config\",\"/opt/rustcargo-config/run.json\",\"--\",\"cargo\",\"run\",\"--\",\"; touch x\",\"a b\"]"), df);
        assertFalse(df.contains("/bin/sh"), "no shell between args and cargo");
        assertFalse(df.startsWith("# syntax"), "no frontend image pull");
        assertFalse(df.contains("--no-cache"));
    }

    @Test
    void aJunitReportUnlocksLibtestsJsonForThisRunOnly() throws Exception {
        String with = new BuildDefinition(CargoRequest.builder().workspace("/ws").args("test").junitReport("j.xml").build())
                .dockerfile();
        assertTrue(with.contains("ENV RUSTC_BOOTSTRAP=1\n"), with);
        assertTrue(with.contains("\"cargo\",\"test\",\"--\",\"-Z\",\"unstable-options\",\"--format\",\"json\""), with);
        assertFalse(new BuildDefinition(request().build()).dockerfile().contains("RUSTC_BOOTSTRAP"));
    }

    @Test
    void mountsEachCacheIdWithItsOneSharingMode() throws Exception {
        CargoRequest r = request().build();
        String df = new BuildDefinition(r).dockerfile();
        assertTrue(df.contains("--mount=" + CacheIds.cargoHomeMount("ns")), df);
        assertTrue(df.contains("--mount=" + CacheIds.targetMount("rustcargo/ns/target/job-1/host/dev/default")), df);
        assertTrue(df.contains("--mount=type=bind,target=/workspace,rw"));
        assertEquals("target\n.git\n", new BuildDefinition(r).dockerignore());
    }

    @Test
    void alwaysExportsTheOutDirSoTheSummaryTravelsAsAFile() throws Exception {
        BuildDefinition without = new BuildDefinition(request().build());
        assertEquals("export", without.stage());
        assertTrue(without.dockerfile().contains("FROM scratch AS export\nCOPY --from=build /rustcargo-out/ /\n"));
        BuildDefinition with = new BuildDefinition(request().output("release/[^/.]+").build());
        assertEquals("export", with.stage());
        assertTrue(with.dockerfile().contains("FROM scratch AS export\nCOPY --from=build /rustcargo-out/ /\n"));
        Map<String, Object> config = Json.parseObject(with.helperConfig());
        assertEquals("release/[^/.]+", config.get("output_regex"));
        assertEquals("manifest", config.get("freshness"));
    }

    @Test
    void secretsAreMountedNotPassedAsBuildArgs() throws Exception {
        CargoRequest r = request().hostEnv(Map.of("CARGO_REGISTRIES_CORP_TOKEN", "s3cret"))
                .secretEnv("CARGO_REGISTRIES_CORP_TOKEN").cargoEnv("RUSTFLAGS", "-Dwarnings").build();
        String df = new BuildDefinition(r).dockerfile();
        assertTrue(df.contains("--mount=type=secret,id=CARGO_REGISTRIES_CORP_TOKEN,env=CARGO_REGISTRIES_CORP_TOKEN"), df);
        assertFalse(df.contains("s3cret"));
        assertTrue(df.contains("ARG RUSTFLAGS\n"));
        List<String> argv = new CargoEngine(null, null).buildctlArgv(r, BuildkitAddress.of("unix:///x.sock"), new BuildDefinition(r), "/tmp/t",
                new HelperBinaries.Staged("/tmp/rustcargo-helper-x", "/tmp/t/helper-config"));
        assertFalse(String.join(" ", argv).contains("s3cret"), "secret values never appear on buildctl's command line");
        assertTrue(argv.contains("id=CARGO_REGISTRIES_CORP_TOKEN,env=CARGO_REGISTRIES_CORP_TOKEN"));
        assertFalse(argv.contains("--no-cache"));
    }

    @Test
    void fingerprintModeAndSweepLimitsReachTheHelper() throws Exception {
        CargoRequest r = request().keepFingerprints(false).sweep(new SweepPolicy(2, 1024)).build();
        Map<String, Object> config = Json.parseObject(new BuildDefinition(r).helperConfig());
        assertEquals("fingerprints", config.get("freshness"));
        Map<?, ?> sweep = (Map<?, ?>) config.get("sweep");
        assertEquals(172800L, sweep.get("max_age_seconds"));
        assertEquals(1024L, sweep.get("max_size_bytes"));
    }
}

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
        assertTrue(df.contains("--mount=" + CacheIds.cargoHomeMount("ns", true)), df);
        assertTrue(df.contains("--mount=" + CacheIds.cargoHomeMount("ns", false)), df);
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

    @Test
    void fetchStepHasTheWritableCargoHomeAndTheBuildStepHasNoNetworkAndAReadOnlyOne() throws Exception {
        String df = new BuildDefinition(request().build()).dockerfile();
        String[] runs = df.split("\nRUN ");
        assertEquals(3, runs.length, "FROM..., fetch, build: " + df);
        String fetch = runs[1];
        String build = runs[2];
        assertTrue(fetch.contains(CacheIds.cargoHomeMount("ns", true) + " "), fetch);
        assertFalse(fetch.contains("/workspace/target"), "no target cache where dependencies are fetched");
        assertTrue(fetch.contains("\"rustcargo-helper\",\"fetch\"") || fetch.contains("rustcargo-helper\",\"fetch\""), fetch);
        assertTrue(build.startsWith("--network=none "), build);
        assertTrue(build.contains(CacheIds.cargoHomeMount("ns", false)), build);
        assertFalse(build.contains(CacheIds.cargoHomeMount("ns", true) + " "), "never writable where build scripts run");
        assertTrue(df.indexOf("ARG RUSTCARGO_INVOCATION") < df.indexOf("helper\",\"fetch\""),
                "the fetch step runs every time, so a pruned CARGO_HOME is refilled");
        Map<String, Object> config = Json.parseObject(new BuildDefinition(request().build()).helperConfig());
        assertEquals(true, config.get("offline"));
        assertEquals(false, config.get("untrusted"));
    }

    @Test
    void untrustedBuildsSeedTheirOwnTargetCacheOnceFromTheTrustedOne() throws Exception {
        CargoRequest r = request().untrusted(true).seedCacheKey("main-1").build();
        String df = new BuildDefinition(r).dockerfile();
        String trusted = "rustcargo/ns/target/main-1/host/dev/default";
        String own = "rustcargo/ns/untrusted-target/job-1/host/dev/default";
        assertEquals(own, r.targetCacheId());
        assertTrue(df.contains("--mount=" + CacheIds.seedMount(trusted)), df);
        assertFalse(df.contains("--mount=" + CacheIds.targetMount(trusted)), "the trusted cache is never mounted writable");
        assertTrue(df.contains("--mount=" + CacheIds.targetMount(own)), df);
        int seed = df.indexOf("\"seed\"");
        assertTrue(seed > 0 && seed < df.indexOf("ARG RUSTCARGO_INVOCATION"),
                "seeding is cached by BuildKit, so later builds do not wait for the trusted cache's lock");
        String seedStep = df.substring(df.lastIndexOf("RUN ", seed), seed);
        assertFalse(seedStep.contains("rustcargo-config"), "no per-call input, or the step would never be cached");
        assertEquals(true, Json.parseObject(new BuildDefinition(r).helperConfig()).get("untrusted"));
    }

    @Test
    void hostNetworkIsAnOptInRefusedForUntrustedBuilds() throws Exception {
        CargoRequest host = request().network(BuildNetwork.HOST).build();
        assertTrue(new BuildDefinition(host).dockerfile().contains("RUN --network=host "));
        assertEquals(false, Json.parseObject(new BuildDefinition(host).helperConfig()).get("offline"));
        List<String> argv = new CargoEngine(null, null).buildctlArgv(host, BuildkitAddress.of("unix:///x.sock"),
                new BuildDefinition(host), "/tmp/t", new HelperBinaries.Staged("/tmp/h", "/tmp/t/helper-config"));
        assertTrue(String.join(" ", argv).contains("--allow network.host"), argv.toString());
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> request().untrusted(true).network(BuildNetwork.HOST).build());
        assertTrue(e.getMessage().contains("refused for untrusted builds"), e.getMessage());
        assertEquals("network 'bridge' is not valid: use 'none' (the default) or 'host'",
                org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                        () -> BuildNetwork.parse("bridge")).getMessage());
    }

    @Test
    void registryTokensGoToTheFetchStepAndOtherSecretsToTheBuildStep() throws Exception {
        CargoRequest r = request().hostEnv(Map.of("CARGO_REGISTRIES_CORP_TOKEN", "t", "API_KEY", "k"))
                .secretEnv("CARGO_REGISTRIES_CORP_TOKEN").secretEnv("API_KEY").build();
        String[] runs = new BuildDefinition(r).dockerfile().split("\nRUN ");
        assertTrue(runs[1].contains("id=CARGO_REGISTRIES_CORP_TOKEN,env=CARGO_REGISTRIES_CORP_TOKEN"), runs[1]);
        assertFalse(runs[1].contains("id=API_KEY"), runs[1]);
        assertTrue(runs[2].contains("id=API_KEY,env=API_KEY"), runs[2]);
        assertFalse(runs[2].contains("CARGO_REGISTRIES_CORP_TOKEN"), "build scripts never see a registry token offline");
    }
}

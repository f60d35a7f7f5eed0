package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Job;
import io.jenkins.plugins.rustcargo.engine.BuildkitAddress;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.CargoRequest;
import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the step's parameters, the build's environment and the global defaults become an engine request. */
class CargoRequestFactoryTest {
    private static final String JOB = "team/app/main";

    private static StepDefaults defaults(String image, String addr) {
        return new StepDefaults() {
            @Override
            public String image() {
                return image;
            }

            @Override
            public String buildkitAddress() {
                return addr;
            }

            @Override
            public SweepPolicy sweepPolicy() {
                return new SweepPolicy(3, 1024);
            }

            @Override
            public String cacheNamespace(Job<?, ?> job) {
                return null;
            }
        };
    }

    private static CargoRequest request(RustCargoStep step, Map<String, String> env) throws InvalidRequestException {
        return CargoRequestFactory.create(step, "/ws/app", null, env, JOB, "team-a", StepDefaults.BUILT_IN);
    }

    @Test
    void parametersReachTheRequest() throws Exception {
        RustCargoStep step = new RustCargoStep("build --release");
        step.setOutput("release/[^/.]+");
        step.setRequireOutput(true);
        step.setKeepFingerprints(false);
        step.setImage("rust:1.95");
        CargoRequest r = request(step, Map.of("HOME", "/home/agent"));
        assertEquals("/ws/app", r.workspace());
        assertEquals(List.of("build", "--release"), r.argv());
        assertEquals("release/[^/.]+", r.output());
        assertTrue(r.requireOutput());
        assertFalse(r.keepFingerprints());
        assertEquals("rust:1.95", r.image());
        assertEquals("team-a", r.namespace());
        assertEquals("/home/agent", r.hostEnv().get("HOME"));
    }

    @Test
    void theJunitReportIsRelativeToTheCargoWorkspace() throws Exception {
        RustCargoStep step = new RustCargoStep("test");
        step.setJunitReport(" target/junit.xml ");
        assertEquals("target/junit.xml", request(step, Map.of()).junitReport());
        step.setJunitReport("../junit.xml");
        assertThrows(InvalidRequestException.class, () -> request(step, Map.of()));
    }

    @Test
    void listArgsStayOneWordEach() throws Exception {
        CargoRequest r = request(new RustCargoStep(List.of("test", "--features", "a b")), Map.of());
        assertEquals(List.of("test", "--features", "a b"), r.argv());
    }

    @Test
    void defaultCacheKeyComesFromJobAndStage() throws Exception {
        RustCargoStep step = new RustCargoStep("test");
        String lint = request(step, Map.of("STAGE_NAME", "Lint")).cacheKey();
        String test = request(step, Map.of("STAGE_NAME", "Test")).cacheKey();
        assertEquals(CacheKey.derive(JOB, "Lint"), lint);
        assertNotEquals(lint, test, "parallel stages get their own target caches");
        assertEquals(test, request(step, Map.of("STAGE_NAME", "Test")).cacheKey(), "every build of a stage shares one");
        assertEquals(CacheKey.derive(JOB, ""), request(step, Map.of()).cacheKey());
    }

    @Test
    void aSubdirectoryIsPartOfTheDerivedKeyAndAnExplicitKeyWins() throws Exception {
        RustCargoStep step = new RustCargoStep("test");
        step.setDir("rust/app");
        assertEquals(CacheKey.derive(JOB, "Test", "rust/app"), request(step, Map.of("STAGE_NAME", "Test")).cacheKey());
        step.setCacheKey("shared");
        assertEquals("shared", request(step, Map.of("STAGE_NAME", "Test")).cacheKey());
    }

    @Test
    void globalDefaultsApplyOnlyWhereTheStepIsSilent() throws Exception {
        RustCargoStep step = new RustCargoStep("test");
        StepDefaults configured = defaults("registry.example.com/rust:1.95", "tcp://buildkit:1234");
        CargoRequest r = CargoRequestFactory.create(step, "/ws", null, Map.of(), JOB, null, configured);
        assertEquals("registry.example.com/rust:1.95", r.image());
        assertEquals("tcp://buildkit:1234", r.daemon().addr());
        assertEquals(new SweepPolicy(3, 1024), r.sweep());
        assertEquals(CargoRequest.DEFAULT_NAMESPACE, r.namespace());
        step.setImage("rust:1.80");
        assertEquals("rust:1.80", CargoRequestFactory.create(step, "/ws", null, Map.of(), JOB, null, configured).image());
        assertEquals(CargoRequest.DEFAULT_IMAGE, request(new RustCargoStep("test"), Map.of()).image());
    }

    @Test
    void addrBeatsBuildkitHostWhichBeatsTheGlobalDefault() throws Exception {
        StepDefaults configured = defaults(null, "unix:///global.sock");
        Map<String, String> env = Map.of("BUILDKIT_HOST", "unix:///agent.sock");
        assertEquals("unix:///step.sock", CargoRequestFactory.daemon("unix:///step.sock", env, configured).addr());
        assertEquals("unix:///agent.sock", CargoRequestFactory.daemon(null, env, configured).addr());
        assertEquals("unix:///global.sock", CargoRequestFactory.daemon(null, Map.of(), configured).addr());
        assertNull(CargoRequestFactory.daemon(null, Map.of(), StepDefaults.BUILT_IN), "engine discovery");
    }

    @Test
    void severalAddressesAreAPoolWithTheTlsFilesOnEachTcpDaemon() throws Exception {
        Map<String, String> env = Map.of(CargoRequestFactory.TLS_CA_CERT, "/certs/ca.pem");
        CargoRequest r = CargoRequestFactory.create(new RustCargoStep("test"), "/ws", null, env, JOB, null,
                defaults(null, "tcp://a:1234\ntcp://b:1234, unix:///c.sock"));
        assertNull(r.daemon());
        assertEquals(List.of("tcp://a:1234", "tcp://b:1234", "unix:///c.sock"), r.pool().stream().map(BuildkitAddress::addr).toList());
        assertEquals(List.of("--addr", "tcp://b:1234", "--tlscacert", "/certs/ca.pem"), r.pool().get(1).buildctlFlags());
        RustCargoStep one = new RustCargoStep("test");
        one.setAddr("tcp://step:1234");
        assertEquals("tcp://step:1234", CargoRequestFactory.create(one, "/ws", null, env, JOB, null,
                defaults(null, "tcp://a:1234 tcp://b:1234")).daemon().addr(), "the step's addr beats the global pool");
    }

    @Test
    void theManagedDaemonAppliesOnlyWhereNoAddressDoes() throws Exception {
        StepDefaults managed = new StepDefaults() {
            @Override
            public String image() {
                return null;
            }

            @Override
            public String buildkitAddress() {
                return null;
            }

            @Override
            public ManagedDaemon.Spec managedDaemon() {
                return new ManagedDaemon.Spec("global-bk", "moby/buildkit:v0.32.2");
            }

            @Override
            public SweepPolicy sweepPolicy() {
                return SweepPolicy.DEFAULT;
            }

            @Override
            public String cacheNamespace(Job<?, ?> job) {
                return null;
            }
        };
        assertEquals("docker-container://global-bk", CargoRequestFactory.daemon(null, Map.of(), managed).addr());
        assertEquals("docker-container://agent-bk", CargoRequestFactory.daemon(null,
                Map.of(CargoRequestFactory.DAEMON_NAME, "agent-bk"), managed).addr(), "the agent names its own");
        assertNull(CargoRequestFactory.managedDaemon(null, Map.of(CargoRequestFactory.MANAGED_DAEMON, "false"), managed),
                "the agent turns it off");
        assertNull(CargoRequestFactory.managedDaemon(null, Map.of("BUILDKIT_HOST", "unix:///agent.sock"), managed),
                "an agent's BUILDKIT_HOST wins");
        assertNull(CargoRequestFactory.managedDaemon("tcp://step:1234", Map.of(), managed), "the step's addr wins");
        ManagedDaemon.Spec onAgent = CargoRequestFactory.managedDaemon(null, Map.of(CargoRequestFactory.MANAGED_DAEMON, "true",
                CargoRequestFactory.DAEMON_IMAGE, "registry.example.com/buildkit:1"), StepDefaults.BUILT_IN);
        assertEquals(new ManagedDaemon.Spec(ManagedDaemon.DEFAULT_NAME, "registry.example.com/buildkit:1"), onAgent,
                "the agent turns it on where the global setting is off");
        assertThrows(InvalidRequestException.class, () -> CargoRequestFactory.managedDaemon(null,
                Map.of(CargoRequestFactory.MANAGED_DAEMON, "true", CargoRequestFactory.DAEMON_NAME, "no/slashes"), managed));
    }

    @Test
    void tlsFilesFromTheEnvironmentOnlyApplyToTcp() throws Exception {
        Map<String, String> env = Map.of(CargoRequestFactory.TLS_CA_CERT, "/certs/ca.pem", CargoRequestFactory.TLS_CERT,
                "/certs/cert.pem", CargoRequestFactory.TLS_KEY, "/certs/key.pem");
        BuildkitAddress tcp = CargoRequestFactory.daemon("tcp://buildkit:1234", env, StepDefaults.BUILT_IN);
        assertEquals(List.of("--addr", "tcp://buildkit:1234", "--tlscacert", "/certs/ca.pem", "--tlscert", "/certs/cert.pem",
                "--tlskey", "/certs/key.pem"), tcp.buildctlFlags());
        BuildkitAddress unix = CargoRequestFactory.daemon("unix:///run/buildkit.sock", env, StepDefaults.BUILT_IN);
        assertEquals(List.of("--addr", "unix:///run/buildkit.sock"), unix.buildctlFlags());
    }

    @Test
    void cargoSeesItsVariablesButSecretsOnlyAsSecrets() throws Exception {
        RustCargoStep step = new RustCargoStep("publish");
        step.setSecretEnv(List.of("RUST_LOG"));
        Map<String, String> env = Map.of("RUSTFLAGS", "-Dwarnings", "RUST_LOG", "token-like", "PATH", "/usr/bin");
        CargoRequest r = request(step, env);
        assertEquals("-Dwarnings", r.cargoEnv().get("RUSTFLAGS"));
        assertFalse(r.cargoEnv().containsKey("RUST_LOG"), "a secret never travels as a build arg");
        assertFalse(r.cargoEnv().containsKey("PATH"));
        assertEquals(List.of("RUST_LOG"), r.secretEnv());
    }

    @Test
    void badInputFailsWithTheEngineMessage() {
        RustCargoStep step = new RustCargoStep("publish");
        step.setSecretEnv(List.of("MISSING_TOKEN"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> request(step, Map.of()));
        assertEquals("secret variable MISSING_TOKEN is not set: bind it first (for example with withCredentials)", e.getMessage());
        assertThrows(InvalidRequestException.class, () -> request(new RustCargoStep("test 'x"), Map.of()));
        RustCargoStep badAddr = new RustCargoStep("test");
        badAddr.setAddr("http://nope");
        assertThrows(InvalidRequestException.class, () -> request(badAddr, Map.of()));
    }

    @Test
    void changeRequestsAreUntrustedByDefaultAndStartFromTheTargetBranchsCache() throws Exception {
        RustCargoStep step = new RustCargoStep("test");
        assertFalse(request(step, Map.of("HOME", "/h")).untrusted(), "a branch build is trusted");

        Map<String, String> pr = Map.of("CHANGE_ID", "42", "CHANGE_TARGET", "main", "STAGE_NAME", "Test");
        CargoRequest r = CargoRequestFactory.create(step, "/ws/app", null, pr, "team/app/PR-42", "team-a", StepDefaults.BUILT_IN);
        assertTrue(r.untrusted());
        assertEquals(CacheKey.derive("team/app/PR-42", "Test"), r.cacheKey());
        assertTrue(r.targetCacheId().startsWith("rustcargo/team-a/untrusted-target/" + r.cacheKey() + "/"), r.targetCacheId());
        assertTrue(r.seedTargetCacheId().startsWith("rustcargo/team-a/target/" + CacheKey.derive("team/app/main", "Test") + "/"),
                "seeded from the trusted cache of the target branch's job: " + r.seedTargetCacheId());
        Map<String, String> slashed = Map.of("CHANGE_ID", "7", "CHANGE_TARGET", "release/1.x");
        assertTrue(CargoRequestFactory.create(step, "/ws/app", null, slashed, "team/app/PR-7", "team-a", StepDefaults.BUILT_IN)
                .seedTargetCacheId().contains(CacheKey.derive("team/app/release%2F1.x", "")), "multibranch item names encode '/'");

        step.setUntrusted(false);
        assertFalse(CargoRequestFactory.create(step, "/ws/app", null, pr, "team/app/PR-42", "team-a", StepDefaults.BUILT_IN).untrusted(),
                "the step parameter overrides");
        RustCargoStep forced = new RustCargoStep("test");
        forced.setUntrusted(true);
        assertTrue(request(forced, Map.of("HOME", "/h")).untrusted());
    }

    @Test
    void hostNetworkIsAnOptInRefusedForChangeRequests() throws Exception {
        RustCargoStep step = new RustCargoStep("build");
        step.setNetwork("host");
        assertEquals(io.jenkins.plugins.rustcargo.engine.BuildNetwork.HOST, request(step, Map.of("HOME", "/h")).network());
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> request(step, Map.of("CHANGE_ID", "42")));
        assertTrue(e.getMessage().contains("refused for untrusted builds"), e.getMessage());
        step.setNetwork("bridge");
        assertThrows(InvalidRequestException.class, () -> request(step, Map.of("HOME", "/h")));
    }
}

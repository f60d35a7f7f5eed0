package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The step in a real Jenkins (-Pjenkins only): registered under its function name, and its
 * config.jelly and snippet generator round-trip every parameter.
 */
@WithJenkins
class RustCargoStepConfigTest {
    @Test
    void stepIsRegisteredUnderItsFunctionName(JenkinsRule j) {
        StepDescriptor d = StepDescriptor.byFunctionName("rustCargo");
        assertNotNull(d);
        assertEquals(RustCargoStep.DescriptorImpl.class, d.getClass());
    }

    @Test
    void snippetGeneratorRoundTrip(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new RustCargoStep("test"), "rustCargo 'test'");
        RustCargoStep release = new RustCargoStep("build --release");
        release.setOutput("release/[^/.]+");
        release.setCacheKey("shared");
        snippets.assertRoundTrip(release, "rustCargo args: 'build --release', cacheKey: 'shared', output: 'release/[^/.]+'");
        RustCargoStep status = new RustCargoStep("test");
        status.setReturnStatus(true);
        status.setKeepFingerprints(false);
        snippets.assertRoundTrip(status, "rustCargo args: 'test', keepFingerprints: false, returnStatus: true");
        SnippetizerTester.assertDocGeneration(RustCargoStep.class);
    }

    @Test
    void configFormRoundTripsEveryParameter(JenkinsRule j) throws Exception {
        RustCargoStep step = new RustCargoStep("build --release --features 'a b'");
        step.setOutput("release/[^/.]+");
        step.setRequireOutput(true);
        step.setImage("rust:1.95");
        step.setCacheKey("shared");
        step.setKeepFingerprints(false);
        step.setReturnStatus(true);
        step.setAddr("tcp://buildkit.example.com:1234");
        step.setSecretEnv(List.of("TOKEN_A", "TOKEN_B"));
        step.setDir("rust");
        RustCargoStep after = new StepConfigTester(j).configRoundTrip(step);
        j.assertEqualDataBoundBeans(step, after);
        assertEquals(List.of("TOKEN_A", "TOKEN_B"), after.getSecretEnv());

        RustCargoStep defaults = new StepConfigTester(j).configRoundTrip(new RustCargoStep("test"));
        j.assertEqualDataBoundBeans(new RustCargoStep("test"), defaults);
    }
}

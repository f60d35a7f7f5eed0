package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.YesNoMaybe;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** Descriptor metadata and data binding of the step, as Pipeline and the snippet generator see them. */
class RustCargoStepTest {
    private final RustCargoStep.DescriptorImpl descriptor = new RustCargoStep.DescriptorImpl();

    @Test
    void descriptorNamesTheStepAndItsContext() {
        assertEquals("rustCargo", descriptor.getFunctionName());
        assertEquals(Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class),
                descriptor.getRequiredContext());
    }

    @Test
    void descriptorIsAnExtensionThatLoadsDynamically() {
        Extension e = RustCargoStep.DescriptorImpl.class.getAnnotation(Extension.class);
        assertNotNull(e);
        assertEquals(YesNoMaybe.YES, e.dynamicLoadable());
    }

    @Test
    void flowGraphShowsTheCargoCommand() {
        assertEquals("build --release", descriptor.argumentsToString(Map.of("args", "build --release", "output", "x")));
        assertEquals("test -- 'a b'", descriptor.argumentsToString(Map.of("args", List.of("test", "--", "a b"))));
        assertNull(descriptor.argumentsToString(Map.of("args", 42)));
        assertNull(descriptor.argumentsToString(Map.of("args", List.of())));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        RustCargoStep step = new RustCargoStep("test");
        assertEquals("test", step.getArgs());
        assertNull(step.getOutput());
        assertFalse(step.isRequireOutput());
        assertNull(step.getImage());
        assertNull(step.getCacheKey());
        assertTrue(step.isKeepFingerprints());
        assertFalse(step.isReturnStatus());
        assertNull(step.getAddr());
        assertEquals(List.of(), step.getSecretEnv());
        assertEquals(".", step.getDir());
    }

    @Test
    void settersRoundTripThroughGetters() {
        RustCargoStep step = new RustCargoStep("build --release");
        step.setOutput("release/[^/.]+");
        step.setRequireOutput(true);
        step.setImage(" rust:1.95 ");
        step.setCacheKey("shared-key");
        step.setKeepFingerprints(false);
        step.setReturnStatus(true);
        step.setAddr("tcp://buildkit:1234");
        step.setSecretEnv(List.of("TOKEN"));
        step.setDir("rust");
        assertEquals("release/[^/.]+", step.getOutput());
        assertTrue(step.isRequireOutput());
        assertEquals("rust:1.95", step.getImage());
        assertEquals("shared-key", step.getCacheKey());
        assertFalse(step.isKeepFingerprints());
        assertTrue(step.isReturnStatus());
        assertEquals("tcp://buildkit:1234", step.getAddr());
        assertEquals(List.of("TOKEN"), step.getSecretEnv());
        assertEquals("rust", step.getDir());
    }

    @Test
    void emptyFormValuesMeanUnset() {
        RustCargoStep step = new RustCargoStep("test");
        step.setOutput("");
        step.setImage("  ");
        step.setCacheKey("");
        step.setAddr("");
        step.setDir(" ");
        step.setSecretEnv(List.of(""));
        assertNull(step.getOutput());
        assertNull(step.getImage());
        assertNull(step.getCacheKey());
        assertNull(step.getAddr());
        assertEquals(".", step.getDir());
        assertEquals(List.of(), step.getSecretEnv());
    }

    @Test
    void argsMayBeAStringOrAList() {
        assertEquals("test --all", new RustCargoStep("test --all").getArgs());
        // Groovy's GString is a CharSequence, not a String.
        assertEquals("test --all", new RustCargoStep(new StringBuilder("test --all")).getArgs());
        List<Object> groovyList = new ArrayList<>(List.of("test", new StringBuilder("--features"), "a b"));
        assertEquals(List.of("test", "--features", "a b"), new RustCargoStep(groovyList).getArgs());
        assertEquals(List.of("build", "-q"), new RustCargoStep(new String[] {"build", "-q"}).getArgs());
        assertInstanceOf(List.class, new RustCargoStep(List.of("x")).getArgs());
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) new RustCargoStep(groovyList).getArgs()).clear());
    }

    @Test
    void argsOfAnotherTypeAreRejectedWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RustCargoStep(42));
        assertEquals("args must be a string or a list of strings, not Integer", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RustCargoStep(Arrays.asList("test", null)));
        assertEquals("args must be a string or a list of strings; found null in the list", e.getMessage());
    }

    @Test
    void secretEnvFromTheFormIsSplitOnSpacesAndCommas() {
        RustCargoStep step = new RustCargoStep("publish");
        step.setSecretEnv(List.of("TOKEN_A, TOKEN_B  TOKEN_C"));
        assertEquals(List.of("TOKEN_A", "TOKEN_B", "TOKEN_C"), step.getSecretEnv());
        assertEquals("TOKEN_A TOKEN_B TOKEN_C", step.getSecretEnvText());
        step.setSecretEnv(null);
        assertEquals(List.of(), step.getSecretEnv());
    }

    @Test
    void bindingAnnotationsAreInPlace() throws Exception {
        Constructor<RustCargoStep> ctor = RustCargoStep.class.getConstructor(Object.class);
        assertNotNull(ctor.getAnnotation(DataBoundConstructor.class));
        Set<String> setters = Arrays.stream(RustCargoStep.class.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class)).map(Method::getName).collect(Collectors.toSet());
        assertEquals(Set.of("setOutput", "setRequireOutput", "setImage", "setCacheKey", "setKeepFingerprints",
                "setReturnStatus", "setAddr", "setSecretEnv", "setDir", "setLogFile", "setJunitReport", "setUntrusted", "setNetwork"), setters);
        for (String check : List.of("doCheckArgs", "doCheckOutput", "doCheckImage", "doCheckCacheKey", "doCheckAddr")) {
            Method m = Arrays.stream(RustCargoStep.DescriptorImpl.class.getMethods())
                    .filter(x -> x.getName().equals(check)).findFirst().orElseThrow();
            assertNotNull(m.getAnnotation(POST.class), check + " is POST-only");
        }
    }

    @Test
    void startCreatesANonBlockingExecution() {
        RustCargoStep step = new RustCargoStep("test");
        assertInstanceOf(RustCargoStepExecution.class, step.start(mock(StepContext.class)));
    }
}

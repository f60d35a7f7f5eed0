package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Extension;
import io.jenkins.plugins.rustcargo.jenkins.cache.CacheManagementLink;
import io.jenkins.plugins.rustcargo.jenkins.config.AgentLabelEnvironment;
import io.jenkins.plugins.rustcargo.jenkins.config.RustCargoConfiguration;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepScheduler;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepService;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The shape Stapler (form binding) and JCasC (import and export) rely on: every data-bound
 * property has a public getter of the same type, constructor parameters are named as their
 * getters, extensions and symbols are where the YAML keys expect them, and every form check is
 * POST-only. The real round trip runs in src/test-jenkins (-Pjenkins).
 */
class DataBindingContractTest {

    private static void assertBoundPropertiesHaveGetters(Class<?> type) throws Exception {
        List<String> properties = new ArrayList<>();
        for (Method setter : type.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                String property = setter.getName().substring(3);
                Method getter = type.getMethod("get" + property);
                assertEquals(setter.getParameterTypes()[0], getter.getReturnType(), type.getSimpleName() + "." + property);
                properties.add(property);
            }
        }
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertTrue(p.isNamePresent(), "compile with -parameters so Stapler and JCasC see the names");
                    String property = Character.toUpperCase(p.getName().charAt(0)) + p.getName().substring(1);
                    assertEquals(p.getType(), type.getMethod("get" + property).getReturnType(), type.getSimpleName() + "." + property);
                }
            }
        }
        assertTrue(!properties.isEmpty(), type + " has data-bound setters");
    }

    private static void assertChecksArePostOnly(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().startsWith("doCheck")) {
                assertTrue(m.isAnnotationPresent(POST.class), m + " must be @POST");
                assertTrue(Modifier.isPublic(m.getModifiers()), m + " must be public");
                assertTrue(m.getParameters()[0].isAnnotationPresent(QueryParameter.class), m + " reads its value as a query parameter");
            }
        }
    }

    @Test
    void globalConfiguration() throws Exception {
        assertBoundPropertiesHaveGetters(RustCargoConfiguration.class);
        assertEquals("rustCargo", RustCargoConfiguration.class.getAnnotation(Symbol.class).value()[0]);
        assertTrue(RustCargoConfiguration.class.isAnnotationPresent(Extension.class));
        assertChecksArePostOnly(RustCargoConfiguration.class);
    }

    @Test
    void sweepSchedule() throws Exception {
        assertBoundPropertiesHaveGetters(SweepSchedule.class);
        assertEquals(List.of("spec", "label"), List.of(SweepSchedule.class.getConstructor(String.class, String.class).getParameters())
                .stream().map(Parameter::getName).toList());
        assertEquals("sweepSchedule", SweepSchedule.DescriptorImpl.class.getAnnotation(Symbol.class).value()[0]);
        assertTrue(SweepSchedule.DescriptorImpl.class.isAnnotationPresent(Extension.class));
        assertChecksArePostOnly(SweepSchedule.DescriptorImpl.class);
    }

    @Test
    void backgroundPiecesAreExtensions() {
        assertTrue(SweepScheduler.class.isAnnotationPresent(Extension.class));
        assertTrue(SweepService.class.isAnnotationPresent(Extension.class));
        assertTrue(CacheManagementLink.class.isAnnotationPresent(Extension.class));
        assertTrue(AgentLabelEnvironment.class.isAnnotationPresent(Extension.class));
        assertTrue(StepDefaults.class.isAssignableFrom(RustCargoConfiguration.class), "the step finds its defaults here");
    }
}

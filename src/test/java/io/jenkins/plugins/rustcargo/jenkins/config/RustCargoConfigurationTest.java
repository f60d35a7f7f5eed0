package io.jenkins.plugins.rustcargo.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.BulkChange;
import hudson.model.Descriptor;
import io.jenkins.plugins.rustcargo.engine.CacheKey;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.sweep.PlainSyntax;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Defaults, validation, the namespace policy and the form submission of the global configuration. */
@ExtendWith(PlainSyntax.class)
class RustCargoConfigurationTest {

    /** Counts the saves that would reach disk (the ones outside a BulkChange), as Descriptor.save does. */
    static final class CountingConfiguration extends UnsavedConfiguration {
        int saves;

        @Override
        public synchronized void save() {
            if (!BulkChange.contains(this)) {
                saves++;
            }
        }
    }

    private static SweepSchedule schedule(String spec, String label) {
        return new SweepSchedule(spec, label);
    }

    @Test
    void defaults() {
        RustCargoConfiguration c = new UnsavedConfiguration();
        assertEquals("rust:1-bookworm", c.getDefaultImage());
        assertEquals("", c.getBuildkitAddress());
        assertEquals("7", c.getTargetMaxAgeDays());
        assertEquals("20G", c.getTargetMaxSize());
        assertEquals(SweepPolicy.DEFAULT, c.targetPolicy());
        assertEquals(CacheNamespacePolicy.GLOBAL, c.getCacheNamespacePolicy());
        assertEquals("rust", c.getAgentLabel());
        assertEquals(List.of(), c.getSchedules());
        assertEquals("Rust Cargo", c.getDisplayName());
    }

    @Test
    void settersBindAndValidate() {
        RustCargoConfiguration c = new UnsavedConfiguration();
        c.setDefaultImage(" 127.0.0.1:5000/rust:1.95 ");
        c.setBuildkitAddress("tcp://buildkit:1234");
        c.setTargetMaxAgeDays("3");
        c.setTargetMaxSize("5G");
        c.setCacheNamespacePolicy(CacheNamespacePolicy.PER_JOB);
        c.setAgentLabel("rust && linux");
        c.setSchedules(List.of(schedule("H 3 * * *", "rust")));
        assertEquals("127.0.0.1:5000/rust:1.95", c.getDefaultImage());
        assertEquals("tcp://buildkit:1234", c.getBuildkitAddress());
        assertEquals(new SweepPolicy(3, 5L << 30), c.targetPolicy());
        assertEquals(CacheNamespacePolicy.PER_JOB, c.getCacheNamespacePolicy());
        assertEquals("rust && linux", c.getAgentLabel());
        assertEquals(1, c.getSchedules().size());

        assertThrows(IllegalArgumentException.class, () -> c.setBuildkitAddress("buildkit:1234"));
        assertThrows(IllegalArgumentException.class, () -> c.setTargetMaxAgeDays("soon"));
        assertThrows(IllegalArgumentException.class, () -> c.setTargetMaxSize("huge"));
        assertThrows(IllegalArgumentException.class, () -> c.setAgentLabel("rust &&"));
        assertEquals("tcp://buildkit:1234", c.getBuildkitAddress(), "a refused value keeps the old one");
    }

    @Test
    void blanksRestoreDefaultsWhereAValueIsAlwaysNeeded() {
        RustCargoConfiguration c = new UnsavedConfiguration();
        c.setDefaultImage(" ");
        c.setAgentLabel("");
        c.setTargetMaxAgeDays("");
        c.setTargetMaxSize(null);
        c.setCacheNamespacePolicy(null);
        c.setSchedules(null);
        assertEquals("rust:1-bookworm", c.getDefaultImage());
        assertEquals("rust", c.getAgentLabel());
        assertEquals(SweepPolicy.DEFAULT, c.targetPolicy(), "blank thresholds are the built-in 7 days and 20G");
        assertEquals(CacheNamespacePolicy.GLOBAL, c.getCacheNamespacePolicy());
        assertEquals(List.of(), c.getSchedules());
    }

    @Test
    void aHandEditedValueThatNoLongerParsesFallsBackToTheDefaultPolicy() throws Exception {
        RustCargoConfiguration c = new UnsavedConfiguration();
        Field f = RustCargoConfiguration.class.getDeclaredField("targetMaxSize");
        f.setAccessible(true);
        f.set(c, "a lot");
        assertEquals(SweepPolicy.DEFAULT, c.targetPolicy());
    }

    @Test
    void theStepReadsItsDefaultsFromHere() {
        RustCargoConfiguration c = new UnsavedConfiguration();
        assertEquals("rust:1-bookworm", c.image());
        assertNull(c.buildkitAddress(), "blank: the step discovers the daemon");
        c.setBuildkitAddress("unix:///run/buildkit/buildkitd.sock");
        assertEquals("unix:///run/buildkit/buildkitd.sock", c.buildkitAddress());
        c.setTargetMaxAgeDays("1");
        assertEquals(new SweepPolicy(1, SweepPolicy.DEFAULT.maxSizeBytes()), c.sweepPolicy());
    }

    @Test
    void namespacePolicies() throws Exception {
        RustCargoConfiguration c = new UnsavedConfiguration();
        assertEquals("default", c.cacheNamespaceFor("team-a/app/main"));

        c.setCacheNamespacePolicy(CacheNamespacePolicy.TOP_LEVEL_ITEM);
        String teamA = c.cacheNamespaceFor("team-a/app/main");
        assertEquals(teamA, c.cacheNamespaceFor("team-a/lib/PR-7"), "one namespace per top-level folder");
        assertNotEquals(teamA, c.cacheNamespaceFor("team-b/app/main"));
        assertTrue(teamA.startsWith("team-a-"), teamA);

        c.setCacheNamespacePolicy(CacheNamespacePolicy.PER_JOB);
        assertNotEquals(c.cacheNamespaceFor("team-a/app/main"), c.cacheNamespaceFor("team-a/app/dev"));
        for (String odd : new String[] {"a..b", "../x", "Ünïcode job", "x".repeat(300), "..", "a/b/c d%2F"}) {
            CacheKey.validate("namespace", c.cacheNamespaceFor(odd));
        }
        assertThrows(IllegalArgumentException.class, () -> c.cacheNamespaceFor(" "));
    }

    @Test
    void deletingEveryScheduleRowReallyClearsTheList() throws Exception {
        CountingConfiguration c = new CountingConfiguration();
        c.setSchedules(List.of(schedule("H 3 * * *", "rust"), schedule("H 4 * * 0", "")));
        // The form no longer holds a "schedules" entry, so Stapler calls every setter but that one.
        c.configure(() -> c.setDefaultImage("rust:1"));
        assertEquals(List.of(), c.getSchedules());
        assertEquals("rust:1", c.getDefaultImage());
    }

    @Test
    void submittedRowsReplaceTheOldOnesWithOneSave() throws Exception {
        CountingConfiguration c = new CountingConfiguration();
        c.setSchedules(List.of(schedule("H 3 * * *", "rust")));
        c.saves = 0;
        SweepSchedule fresh = schedule("H/30 * * * *", "big");
        c.configure(() -> {
            c.setDefaultImage("rust:1");
            c.setTargetMaxAgeDays("2");
            c.setSchedules(List.of(fresh));
        });
        assertEquals(List.of(fresh), c.getSchedules());
        assertEquals(1, c.saves, "setters inside the BulkChange do not save; the commit saves once");
    }

    @Test
    void aRefusedValueFailsTheFormAndKeepsThePreviousConfiguration() {
        CountingConfiguration c = new CountingConfiguration();
        SweepSchedule kept = schedule("H 3 * * *", "rust");
        c.setSchedules(List.of(kept));
        c.saves = 0;
        Descriptor.FormException e = assertThrows(Descriptor.FormException.class, () -> c.configure(() -> {
            c.setDefaultImage("changed");
            c.setBuildkitAddress("not-an-address");
        }));
        assertTrue(e.getMessage().startsWith("BuildKit address 'not-an-address' is not valid"), e.getMessage());
        assertEquals(List.of(kept), c.getSchedules());
        assertEquals("rust:1-bookworm", c.getDefaultImage());
        assertEquals(0, c.saves);
    }

    @Test
    void staplerWrappedErrorsStillShowTheReason() {
        CountingConfiguration c = new CountingConfiguration();
        Descriptor.FormException e = assertThrows(Descriptor.FormException.class, () -> c.configure(() -> {
            throw new IllegalArgumentException("Failed to instantiate class SweepSchedule",
                    new IllegalArgumentException("sweep schedule 'x': Invalid input"));
        }));
        assertEquals("sweep schedule 'x': Invalid input", e.getMessage());
    }

    @Test
    void aRefusedValuePointsAtItsOwnField() {
        CountingConfiguration c = new CountingConfiguration();
        Map<String, Runnable> bad = new java.util.LinkedHashMap<>();
        bad.put("buildkitAddress", () -> c.setBuildkitAddress("not-an-address"));
        bad.put("targetMaxAgeDays", () -> c.setTargetMaxAgeDays("seven"));
        bad.put("targetMaxSize", () -> c.setTargetMaxSize("lots"));
        bad.put("agentLabel", () -> c.setAgentLabel("rust &&"));
        for (Map.Entry<String, Runnable> b : bad.entrySet()) {
            Descriptor.FormException e = assertThrows(Descriptor.FormException.class, () -> c.configure(() -> b.getValue().run()));
            assertEquals(b.getKey(), e.getFormField(), e.getMessage());
        }
        Descriptor.FormException e = assertThrows(Descriptor.FormException.class, () -> c.configure(() -> {
            throw new IllegalArgumentException("Failed to instantiate class SweepSchedule",
                    new IllegalArgumentException("sweep schedule 'x': Invalid input"));
        }));
        assertEquals("schedules", e.getFormField(), "a schedule row's own problem points at the schedules");
    }

    @Test
    void persistedOnlyThroughTheDescriptorsOwnLoadAndSave() {
        // The idiom: the constructor loads, every setter saves, through Descriptor's own XmlFile;
        // no switch in production code turns persistence off (tests override load and save).
        for (String method : List.of("load", "save")) {
            assertThrows(NoSuchMethodException.class, () -> RustCargoConfiguration.class.getDeclaredMethod(method), method);
        }
        assertTrue(java.util.Arrays.stream(RustCargoConfiguration.class.getDeclaredConstructors()).allMatch(c -> c.getParameterCount() == 0),
                "only the no-argument constructor Jenkins calls");
    }
}

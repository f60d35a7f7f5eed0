package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A schedule row: data binding, defaults, validation and the sweep it asks for. */
@ExtendWith(PlainSyntax.class)
class SweepScheduleTest {
    private static final SweepPolicy GLOBAL = new SweepPolicy(7, 20L << 30);

    @Test
    void constructorAndSettersBindAndTrim() {
        SweepSchedule s = new SweepSchedule("  H 3 * * *\n", " rust && linux ");
        s.setTargetMaxAgeDays(" 3 ");
        s.setTargetMaxSize("10G");
        s.setPruneUnusedDays("30");
        s.setPruneKeepStorage("50G");
        assertEquals("H 3 * * *", s.getSpec());
        assertEquals("rust && linux", s.getLabel());
        assertEquals("3", s.getTargetMaxAgeDays());
        assertEquals("10G", s.getTargetMaxSize());
        assertEquals("30", s.getPruneUnusedDays());
        assertEquals("50G", s.getPruneKeepStorage());
    }

    @Test
    void thresholdsDefaultToBlankWhichInheritsOrDisables() throws Exception {
        SweepSchedule s = new SweepSchedule("H 3 * * *", null);
        assertEquals("", s.getLabel());
        assertEquals("", s.getTargetMaxAgeDays());
        assertEquals("", s.getPruneKeepStorage());
        CacheSweeper.Settings settings = s.settings(GLOBAL);
        assertEquals(GLOBAL, settings.target(), "blank target thresholds are the global ones");
        assertNull(settings.namespace(), "scheduled sweeps cover every namespace");
        assertEquals(-1, settings.pruneUnusedDays(), "no pruning unless asked");
        assertEquals(-1, settings.pruneKeepStorageMb());
    }

    @Test
    void ownThresholdsOverrideTheGlobalOnes() throws Exception {
        SweepSchedule s = new SweepSchedule("H 3 * * *", "rust");
        s.setTargetMaxAgeDays("0.5");
        s.setTargetMaxSize("-1");
        s.setPruneUnusedDays("14");
        s.setPruneKeepStorage("2G");
        CacheSweeper.Settings settings = s.settings(GLOBAL);
        assertEquals(new SweepPolicy(0.5, -1), settings.target());
        assertEquals(14, settings.pruneUnusedDays());
        assertEquals((2L << 30) / 1_000_000, settings.pruneKeepStorageMb(), "buildctl's --keep-storage counts 10^6-byte MB");
    }

    @Test
    void invalidValuesAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepSchedule("H 25 * * *", "rust"));
        assertEquals("sweep schedule 'H 25 * * *': line 1: hour '25': 25 is out of range 0-23", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SweepSchedule("", "rust"));
        e = assertThrows(IllegalArgumentException.class, () -> new SweepSchedule("H 3 * * *", "rust &"));
        assertTrue(e.getMessage().contains("invalid label expression"), e.getMessage());
        SweepSchedule s = new SweepSchedule("H 3 * * *", "rust");
        e = assertThrows(IllegalArgumentException.class, () -> s.setTargetMaxAgeDays("a week"));
        assertEquals("targetMaxAgeDays 'a week' is not a number of days: use 0 or more, or -1 for never (at most 36500)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.setTargetMaxSize("big"));
        assertThrows(IllegalArgumentException.class, () -> s.setPruneUnusedDays("-2"));
        assertThrows(IllegalArgumentException.class, () -> s.setPruneKeepStorage("1X"));
        assertEquals("", s.getTargetMaxAgeDays(), "a refused value leaves the old one");
    }

    @Test
    void multiLineSpecsWithTimeZoneAndCommentsAreAccepted() {
        SweepSchedule s = new SweepSchedule("TZ=Europe/Berlin\n# nightly\nH 3 * * *\nH 12 * * 6", "rust");
        assertEquals("'TZ=Europe/Berlin # nightly H 3 * * * H 12 * * 6' on 'rust'", s.describe());
    }

    @Test
    void describeNamesSpecAndLabel() {
        assertEquals("'H 3 * * *' on 'rust'", new SweepSchedule("H 3 * * *", "rust").describe());
        assertEquals("'H 3 * * *' on every node", new SweepSchedule("H 3 * * *", "").describe());
    }

    @Test
    void theDescriptorNeedsNoJenkinsToExist() {
        assertEquals("Sweep schedule", new SweepSchedule.DescriptorImpl().getDisplayName());
    }
}

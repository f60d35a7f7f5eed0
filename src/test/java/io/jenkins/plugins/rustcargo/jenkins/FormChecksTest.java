package io.jenkins.plugins.rustcargo.jenkins;

import static io.jenkins.plugins.rustcargo.jenkins.CronCursorTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;

/** What the configuration form says about each field (the doCheck methods add only the permission check). */
class FormChecksTest {
    private static final long NOW = at("2026-03-01T10:00:00Z");

    @Test
    void cronSpecsAreParsedByCoresCronTabList() {
        FormValidation bad = FormChecks.spec("H 25 * * *", "rust", NOW);
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage().startsWith("Invalid input: &quot;H 25 * * *&quot;: line 1:"), bad.getMessage());
        assertEquals(FormValidation.Kind.ERROR, FormChecks.spec("", "rust", NOW).kind);
        assertEquals(FormValidation.Kind.ERROR, FormChecks.spec("TZ=Mars/Olympus\nH 3 * * *", "rust", NOW).kind);
    }

    @Test
    void aValidSpecShowsTheNextSweep() {
        FormValidation ok = FormChecks.spec("H 3 * * *", "rust", NOW);
        assertEquals(FormValidation.Kind.OK, ok.kind);
        assertTrue(ok.getMessage().startsWith("Next sweep: "), ok.getMessage());
        assertTrue(FormChecks.spec("TZ=Europe/Berlin\n# nightly\nH 3 * * *", "rust", NOW).renderHtml().contains("Next sweep: "));
    }

    @Test
    void checkSanityBecomesAWarning() {
        FormValidation everyMinute = FormChecks.spec("* * * * *", "rust", NOW);
        assertEquals(FormValidation.Kind.WARNING, everyMinute.kind);
        // Several results are aggregated into one HTML list, as core's TimerTrigger does.
        assertTrue(everyMinute.renderHtml().contains("Do you really mean &quot;every minute&quot;"), everyMinute.renderHtml());
        assertTrue(everyMinute.renderHtml().contains("Next sweep: "), everyMinute.renderHtml());
        FormValidation noHash = FormChecks.spec("0 3 * * *", "rust", NOW);
        assertEquals(FormValidation.Kind.WARNING, noHash.kind, "core suggests H to spread load");
    }

    @Test
    void aSpecThatNeverMatchesIsAWarning() {
        FormValidation never = FormChecks.spec("0 0 30 2 *", "rust", NOW);
        assertEquals(FormValidation.Kind.WARNING, never.kind);
        assertTrue(never.renderHtml().contains("never sweeps"), never.renderHtml());
    }

    @Test
    void labelExpressionsAreParsed() {
        assertEquals(FormValidation.Kind.OK, FormChecks.label("rust && linux").kind);
        assertEquals(FormValidation.Kind.OK, FormChecks.label("").kind);
        assertTrue(FormChecks.label("").getMessage().contains("every online node"));
        FormValidation bad = FormChecks.label("rust &");
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.getMessage().startsWith("invalid label expression: column 6"), bad.getMessage());
    }

    @Test
    void daysAndSizes() {
        assertNull(FormChecks.problemInDays("d", "7"));
        assertNull(FormChecks.problemInDays("d", "0.25"));
        assertNull(FormChecks.problemInDays("d", "-1"));
        assertNull(FormChecks.problemInDays("d", " "));
        assertEquals("d '-3' is not a number of days: use 0 or more, or -1 for never (at most 36500)", FormChecks.problemInDays("d", "-3"));
        assertNull(FormChecks.problemInSize("s", "20G"));
        assertNull(FormChecks.problemInSize("s", "512MiB"));
        assertNull(FormChecks.problemInSize("s", "-1"));
        assertTrue(FormChecks.problemInSize("s", "lots").startsWith("s 'lots' is not a size"));
        assertEquals("Blank: the global one.", FormChecks.days("d", "", "Blank: the global one.").getMessage());
        assertEquals(FormValidation.Kind.ERROR, FormChecks.size("s", "1Q", "").kind);
    }

    @Test
    void buildkitAddressesUseTheEnginesRules() {
        assertNull(FormChecks.problemInAddress(""));
        assertNull(FormChecks.problemInAddress("tcp://buildkit:1234"));
        assertNull(FormChecks.problemInAddress("unix:///run/buildkit/buildkitd.sock"));
        assertTrue(FormChecks.problemInAddress("buildkit:1234").startsWith("BuildKit address 'buildkit:1234' is not valid"));
        assertEquals(FormValidation.Kind.ERROR, FormChecks.address("http://x").kind);
    }
}

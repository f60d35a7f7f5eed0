package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static io.jenkins.plugins.rustcargo.jenkins.sweep.CronCursorTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck;
import io.jenkins.plugins.rustcargo.jenkins.form.FormCheck.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the configuration form says about each field (the doCheck methods add only the permission
 * check and the conversion to Stapler's type). Cron and label syntax are our plain test parsers.
 */
@ExtendWith(PlainSyntax.class)
class FormChecksTest {
    private static final long NOW = at("2026-03-01T10:00:00Z");

    @Test
    void cronSpecsThatDoNotParseAreErrorsWithTheParsersReason() {
        FormCheck bad = FormChecks.spec("H 25 * * *", "rust", NOW);
        assertEquals(Kind.ERROR, bad.kind());
        assertEquals("line 1: hour '25': 25 is out of range 0-23", bad.message());
        assertEquals(Kind.ERROR, FormChecks.spec("", "rust", NOW).kind());
        assertEquals("a cron spec is required, e.g. H 3 * * *", FormChecks.spec(" ", "rust", NOW).message());
        assertEquals(Kind.ERROR, FormChecks.spec("TZ=Mars/Olympus\nH 3 * * *", "rust", NOW).kind());
    }

    @Test
    void aValidSpecShowsTheNextSweep() {
        FormCheck ok = FormChecks.spec("H 3 * * *", "rust", NOW);
        assertEquals(Kind.OK, ok.kind());
        assertTrue(ok.message().startsWith("Next sweep: "), ok.message());
        assertEquals(Kind.OK, FormChecks.spec("TZ=Europe/Berlin\n# nightly\nH 3 * * *", "rust", NOW).kind());
    }

    @Test
    void theSanityWarningComesWithTheNextSweep() {
        FormCheck everyMinute = FormChecks.spec("* * * * *", "rust", NOW);
        assertEquals(Kind.WARNING, everyMinute.kind());
        // Several results are aggregated into one list, as core's TimerTrigger does.
        assertEquals(List.of(Kind.WARNING, Kind.OK), everyMinute.parts().stream().map(FormCheck::kind).toList());
        assertEquals(PlainCron.parse("* * * * *", "").sanityWarning(), everyMinute.messages().get(0));
        assertTrue(everyMinute.messages().get(1).startsWith("Next sweep: "), everyMinute.messages().toString());
        FormCheck noHash = FormChecks.spec("0 3 * * *", "rust", NOW);
        assertEquals(Kind.WARNING, noHash.kind(), "the parser suggests H to spread load");
    }

    @Test
    void aSpecThatNeverMatchesIsAWarning() {
        FormCheck never = FormChecks.spec("H 0 30 2 *", "rust", NOW);
        assertEquals(Kind.WARNING, never.kind());
        assertEquals("This spec does not match any minute within a year, so it never sweeps.", never.message());
    }

    @Test
    void labelExpressionsAreParsed() {
        assertEquals(Kind.OK, FormChecks.label("rust && linux").kind());
        assertEquals(Kind.OK, FormChecks.label("").kind());
        assertTrue(FormChecks.label("").message().contains("every online node"));
        FormCheck bad = FormChecks.label("rust &");
        assertEquals(Kind.ERROR, bad.kind());
        assertEquals("invalid label expression: column 6: unexpected '&'", bad.message());
    }

    @Test
    void aValidLabelSaysHowManyOnlineAgentsItSelects() {
        List<ScheduleMatcher.Agent> agents = List.of(new ScheduleMatcher.Agent("a", true, java.util.Set.of("a", "rust")),
                new ScheduleMatcher.Agent("b", true, java.util.Set.of("b", "rust")), new ScheduleMatcher.Agent("c", false, java.util.Set.of("c", "rust")));
        assertEquals(FormCheck.ok("2 online agents match."), FormChecks.labelWithAgents("rust", agents));
        assertEquals(FormCheck.ok("1 online agent matches."), FormChecks.labelWithAgents("a", agents));
        assertEquals(Kind.WARNING, FormChecks.labelWithAgents("c", agents).kind(), "c is offline");
        assertEquals(Kind.ERROR, FormChecks.labelWithAgents("rust &", agents).kind());
        assertEquals(FormChecks.label(""), FormChecks.labelWithAgents("", agents));
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
        assertEquals("Blank: the global one.", FormChecks.days("d", "", "Blank: the global one.").message());
        assertEquals(Kind.ERROR, FormChecks.size("s", "1Q", "").kind());
    }

    @Test
    void buildkitAddressesUseTheEnginesRules() {
        assertNull(FormChecks.problemInAddress(""));
        assertNull(FormChecks.problemInAddress("tcp://buildkit:1234"));
        assertNull(FormChecks.problemInAddress("unix:///run/buildkit/buildkitd.sock"));
        assertTrue(FormChecks.problemInAddress("buildkit:1234").startsWith("BuildKit address 'buildkit:1234' is not valid"));
        assertEquals(Kind.ERROR, FormChecks.address("http://x").kind());
    }
}

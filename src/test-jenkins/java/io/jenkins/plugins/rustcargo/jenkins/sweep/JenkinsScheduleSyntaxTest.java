package io.jenkins.plugins.rustcargo.jenkins.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The production {@link ScheduleSyntax} on core's own parsers (-Pjenkins only; unit tests use
 * {@code PlainSyntax}): it accepts, rejects and matches what a job's trigger and label field would.
 */
@WithJenkins
class JenkinsScheduleSyntaxTest {
    private final ScheduleSyntax syntax = new JenkinsScheduleSyntax();

    private static Calendar utc(String iso) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(Instant.parse(iso).toEpochMilli());
        return c;
    }

    @Test
    void cronSpecsAreCoresCronTabs(JenkinsRule j) {
        assertTrue(syntax.cron("30 3 * * *", "seed").matches(utc("2026-03-01T03:30:00Z")));
        assertFalse(syntax.cron("31 3 * * *", "seed").matches(utc("2026-03-01T03:30:00Z")));
        assertNotNull(syntax.cron("* * * * *", "seed").sanityWarning(), "core asks whether every minute is meant");
        assertNull(syntax.cron("H 3 * * *", "seed").sanityWarning());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> syntax.cron("H 25 * * *", "seed"));
        assertTrue(e.getMessage().startsWith("Invalid input"), e.getMessage());
    }

    @Test
    void hIsHashedFromTheSeed(JenkinsRule j) {
        ScheduleSyntax.Cron a = syntax.cron("H * * * *", "rust-cargo sweep rust");
        ScheduleSyntax.Cron b = syntax.cron("H * * * *", "rust-cargo sweep rust");
        Calendar c = utc("2026-03-01T03:00:00Z");
        int hits = 0;
        for (int i = 0; i < 60; i++, c.add(Calendar.MINUTE, 1)) {
            assertEquals(a.matches(c), b.matches(c));
            hits += a.matches(c) ? 1 : 0;
        }
        assertEquals(1, hits, "H picks one minute of the hour");
    }

    @Test
    void labelExpressionsAreCoresLabels(JenkinsRule j) {
        Set<String> node = Set.of("rust", "linux", "agent-1");
        assertTrue(syntax.label("rust && linux").matches(node));
        assertTrue(syntax.label("agent-1 || windows").matches(node));
        assertFalse(syntax.label("rust && !linux").matches(node));
        assertThrows(IllegalArgumentException.class, () -> syntax.label("rust &"));
    }
}

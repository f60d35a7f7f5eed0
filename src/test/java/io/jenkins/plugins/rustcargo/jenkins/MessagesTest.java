package io.jenkins.plugins.rustcargo.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.jenkins.cache.CacheManagementLink;
import io.jenkins.plugins.rustcargo.jenkins.config.CacheNamespacePolicy;
import io.jenkins.plugins.rustcargo.jenkins.config.UnsavedConfiguration;
import io.jenkins.plugins.rustcargo.jenkins.report.RustCargoReportAction;
import io.jenkins.plugins.rustcargo.jenkins.sweep.FormChecks;
import io.jenkins.plugins.rustcargo.jenkins.sweep.PlainSyntax;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User-visible text comes from Messages.properties (the Jenkins idiom, through the generated
 * Messages class), so it follows the user's locale. A made-up locale (test resources) proves the
 * text is read from there and not written into the code.
 */
@ExtendWith(PlainSyntax.class)
class MessagesTest {
    private Locale before;

    @BeforeEach
    void madeUpLocale() {
        before = Locale.getDefault();
        Locale.setDefault(new Locale("qx"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void displayNamesFollowTheLocale() {
        assertEquals("qx configuration", new UnsavedConfiguration().getDisplayName());
        assertEquals("qx report", new RustCargoReportAction().getDisplayName());
        assertEquals("qx caches", new CacheManagementLink().getDisplayName());
        assertEquals("qx description", new CacheManagementLink().getDescription());
        assertEquals("qx per job", CacheNamespacePolicy.PER_JOB.getDisplayName());
        assertEquals("qx step", io.jenkins.plugins.rustcargo.jenkins.step.Messages.RustCargoStep_DisplayName());
    }

    @Test
    void formMessagesFollowTheLocale() {
        assertEquals("qx label: column 3: oops", io.jenkins.plugins.rustcargo.jenkins.sweep.Messages.FormChecks_InvalidLabel("column 3: oops"));
        String problem = FormChecks.problemInLabel("a &&");
        assertTrue(problem.startsWith("qx label: "), problem);
    }
}

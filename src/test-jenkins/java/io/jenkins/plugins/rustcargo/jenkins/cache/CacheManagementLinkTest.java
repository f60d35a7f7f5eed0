package io.jenkins.plugins.rustcargo.jenkins.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.ManagementLink;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepRecord;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepService;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The cache page in a real Jenkins (-Pjenkins only): it renders for every online node, a sweep
 * started there lands in the history, and only administrators get in.
 */
@WithJenkins
class CacheManagementLinkTest {

    @Test
    void thePageListsTheOnlineNodesAndSweepsOnRequest(JenkinsRule j) throws Exception {
        assertTrue(ManagementLink.all().stream().anyMatch(l -> l instanceof CacheManagementLink));
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.goTo("manage/rust-cargo-caches");
        assertTrue(page.asNormalizedText().contains(SweepService.BUILT_IN), page.asNormalizedText());
        j.submit(page.getFormByName("refresh")); // listing again happens in the background

        j.submit(page.getFormByName("sweepAll"));
        List<SweepRecord> history = List.of();
        for (int i = 0; i < 600 && history.isEmpty(); i++) {
            Thread.sleep(100);
            history = SweepService.get().history().of(SweepService.BUILT_IN);
        }
        assertEquals(1, history.size(), "the manual sweep of the built-in node was recorded");
        assertEquals("manual", history.get(0).getTrigger());
        assertTrue(wc.goTo("manage/rust-cargo-caches").asNormalizedText().contains("manual"));
    }

    @Test
    void onlyAdministratorsGetIn(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.login("reader").assertFails("manage/rust-cargo-caches", 403);
        j.createWebClient().login("admin").goTo("manage/rust-cargo-caches");
    }
}

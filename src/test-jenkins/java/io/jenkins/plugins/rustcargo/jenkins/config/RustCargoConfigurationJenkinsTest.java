package io.jenkins.plugins.rustcargo.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.PeriodicWork;
import hudson.util.FormValidation;
import io.jenkins.plugins.rustcargo.jenkins.step.StepDefaults;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepScheduler;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepService;
import java.util.List;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The global configuration in a real Jenkins (-Pjenkins only): the System page round-trips every
 * field, deleting every schedule row really empties the list, the file on disk reloads, and the
 * extensions are registered.
 */
@WithJenkins
class RustCargoConfigurationJenkinsTest {

    private static RustCargoConfiguration configured() {
        RustCargoConfiguration c = RustCargoConfiguration.get();
        c.setDefaultImage("rust:1.95-bookworm");
        c.setBuildkitAddress("tcp://buildkit.example.com:1234");
        c.setTargetMaxAgeDays("3");
        c.setTargetMaxSize("12G");
        c.setCacheNamespacePolicy(CacheNamespacePolicy.PER_JOB);
        c.setAgentLabel("rust && linux");
        SweepSchedule nightly = new SweepSchedule("H 3 * * *", "rust");
        SweepSchedule weekly = new SweepSchedule("TZ=Europe/Berlin\nH 5 * * 0", "rust && big");
        weekly.setTargetMaxAgeDays("1");
        weekly.setTargetMaxSize("5G");
        weekly.setPruneUnusedDays("30");
        weekly.setPruneKeepStorage("100G");
        c.setSchedules(List.of(nightly, weekly));
        return c;
    }

    private static void assertConfigured(RustCargoConfiguration c) {
        assertEquals("rust:1.95-bookworm", c.getDefaultImage());
        assertEquals("tcp://buildkit.example.com:1234", c.getBuildkitAddress());
        assertEquals("3", c.getTargetMaxAgeDays());
        assertEquals("12G", c.getTargetMaxSize());
        assertEquals(CacheNamespacePolicy.PER_JOB, c.getCacheNamespacePolicy());
        assertEquals("rust && linux", c.getAgentLabel());
        List<SweepSchedule> s = c.getSchedules();
        assertEquals(2, s.size());
        assertEquals("H 3 * * *", s.get(0).getSpec());
        assertEquals("rust", s.get(0).getLabel());
        assertEquals("", s.get(0).getPruneUnusedDays());
        assertEquals("TZ=Europe/Berlin\nH 5 * * 0", s.get(1).getSpec());
        assertEquals("rust && big", s.get(1).getLabel());
        assertEquals("1", s.get(1).getTargetMaxAgeDays());
        assertEquals("5G", s.get(1).getTargetMaxSize());
        assertEquals("30", s.get(1).getPruneUnusedDays());
        assertEquals("100G", s.get(1).getPruneKeepStorage());
    }

    @Test
    void systemPageRoundTripsEveryField(JenkinsRule j) throws Exception {
        configured();
        j.configRoundtrip();
        assertConfigured(RustCargoConfiguration.get());
    }

    @Test
    void theConfigurationFileReloads(JenkinsRule j) {
        configured();
        assertConfigured(new RustCargoConfiguration()); // a new instance loads what the setters saved
    }

    @Test
    void deletingEveryScheduleRowClearsTheList(JenkinsRule j) throws Exception {
        configured();
        HtmlPage page = j.createWebClient().goTo("configure");
        HtmlForm form = page.getFormByName("config");
        List<DomNode> rows = form.getByXPath("//div[contains(@class,'repeated-chunk')][.//textarea[@name='_.spec']]");
        assertEquals(2, rows.size(), "both schedule rows are on the page");
        rows.forEach(DomNode::remove); // what the rows' delete buttons do
        j.submit(form);
        assertEquals(List.of(), RustCargoConfiguration.get().getSchedules());
        assertEquals("rust:1.95-bookworm", RustCargoConfiguration.get().getDefaultImage(), "the rest is kept");
        assertEquals(List.of(), new RustCargoConfiguration().getSchedules(), "and saved");
    }

    @Test
    void formChecksAnswerThroughTheDescriptors(JenkinsRule j) {
        SweepSchedule.DescriptorImpl d = j.jenkins.getDescriptorByType(SweepSchedule.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckSpec("H 25 * * *", "rust").kind);
        assertEquals(FormValidation.Kind.WARNING, d.doCheckSpec("* * * * *", "rust").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckSpec("H 3 * * *", "rust").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckLabel("rust &").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckLabel("built-in").kind, "the built-in node is online and matches");
        assertEquals(FormValidation.Kind.WARNING, d.doCheckLabel("no-such-label").kind);
        assertEquals(FormValidation.Kind.ERROR, RustCargoConfiguration.get().doCheckBuildkitAddress("buildkit:1234").kind);
    }

    @Test
    void aChosenAgentLabelReachesPipelinesForTheSharedLibrary(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("echo \"label=[${env.RUST_CARGO_AGENT_LABEL}]\"", true));
        j.assertLogContains("label=[null]", j.buildAndAssertSuccess(p));
        RustCargoConfiguration.get().setAgentLabel("rust && big");
        j.assertLogContains("label=[rust && big]", j.buildAndAssertSuccess(p));
    }

    @Test
    void extensionsAreRegistered(JenkinsRule j) {
        assertNotNull(PeriodicWork.all().get(SweepScheduler.class));
        assertNotNull(SweepService.get());
        assertSame(RustCargoConfiguration.get(), StepDefaults.current(), "the step takes its defaults from here");
        assertTrue(RustCargoConfiguration.get().cacheNamespaceFor("team/app/main").equals("default"));
    }
}

package io.jenkins.plugins.rustcargo.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.rustcargo.engine.SweepPolicy;
import io.jenkins.plugins.rustcargo.jenkins.sweep.SweepSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JCasC (-Pjenkins only): the YAML of docs/configuration.md configures every field through the
 * data-bound setters, and the export gives the same keys back.
 */
@WithJenkinsConfiguredWithCode
class RustCargoConfigurationJCasCTest {

    @Test
    @ConfiguredWithCode("rust-cargo.yml")
    void yamlConfiguresEveryField(JenkinsConfiguredWithCodeRule j) {
        RustCargoConfiguration c = RustCargoConfiguration.get();
        assertEquals("rust:1.95-bookworm", c.getDefaultImage());
        assertEquals("", c.getBuildkitAddress());
        assertEquals(CacheNamespacePolicy.TOP_LEVEL_ITEM, c.getCacheNamespacePolicy());
        assertEquals("rust && linux", c.getAgentLabel());
        assertEquals(new SweepPolicy(5, 30L << 30), c.targetPolicy());

        List<SweepSchedule> schedules = c.getSchedules();
        assertEquals(2, schedules.size());
        assertEquals("H 3 * * *", schedules.get(0).getSpec());
        assertEquals("rust", schedules.get(0).getLabel());
        assertEquals("", schedules.get(0).getTargetMaxAgeDays(), "unset thresholds stay blank (inherit)");
        SweepSchedule weekly = schedules.get(1);
        assertEquals("TZ=Europe/Berlin\nH 5 * * 0", weekly.getSpec());
        assertEquals("rust && big", weekly.getLabel());
        assertEquals("2", weekly.getTargetMaxAgeDays());
        assertEquals("10G", weekly.getTargetMaxSize());
        assertEquals("30", weekly.getPruneUnusedDays());
        assertEquals("200G", weekly.getPruneKeepStorage());
    }

    @Test
    @ConfiguredWithCode("rust-cargo.yml")
    void exportGivesTheSameConfigurationBack(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("rustCargo");
        String yaml = Util.toYamlString(node);
        for (String expected : new String[] {"defaultImage: \"rust:1.95-bookworm\"", "cacheNamespacePolicy: TOP_LEVEL_ITEM",
                "agentLabel: \"rust && linux\"", "spec: \"H 3 * * *\"", "pruneKeepStorage: \"200G\"", "targetMaxSize: \"30G\""}) {
            assertTrue(yaml.contains(expected), "export has " + expected + ":\n" + yaml);
        }
    }
}

package io.jenkins.plugins.rustcargo.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global agent label reaches rustPipeline as RUST_CARGO_AGENT_LABEL, but only when the admin chose one. */
class AgentLabelEnvironmentTest {

    @Test
    void aChosenLabelIsExported() {
        Map<String, String> env = new HashMap<>();
        AgentLabelEnvironment.export("rust && big", env);
        assertEquals(Map.of("RUST_CARGO_AGENT_LABEL", "rust && big"), env);
    }

    @Test
    void theDefaultLeavesPipelinesTheirOwnLabelOption() {
        Map<String, String> env = new HashMap<>();
        AgentLabelEnvironment.export(RustCargoConfiguration.DEFAULT_AGENT_LABEL, env);
        assertEquals(Map.of(), env);
    }

    @Test
    void aVariableSetElsewhereWins() {
        Map<String, String> env = new HashMap<>(Map.of("RUST_CARGO_AGENT_LABEL", "team-pool"));
        AgentLabelEnvironment.export("rust && big", env);
        assertEquals("team-pool", env.get("RUST_CARGO_AGENT_LABEL"));
    }
}

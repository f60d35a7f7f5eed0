package io.jenkins.plugins.rustcargo.jenkins.config;

import jenkins.YesNoMaybe;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;

/**
 * Hands the global "Agent label" to the shared library as {@code RUST_CARGO_AGENT_LABEL}: the
 * library's {@code rustPipeline} reads only the environment, so it works without plugin classes
 * (in its tests and in the script sandbox). Only a label other than the default {@code rust} is
 * exported, so that left alone, pipelines keep their own {@code label} option; a variable already
 * set (e.g. a folder's) is left alone.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
public final class AgentLabelEnvironment extends EnvironmentContributor {
    static final String VARIABLE = "RUST_CARGO_AGENT_LABEL";

    @Override
    public void buildEnvironmentFor(Run r, EnvVars envs, TaskListener listener) {
        export(RustCargoConfiguration.get().getAgentLabel(), envs);
    }

    static void export(String agentLabel, Map<String, String> envs) {
        if (agentLabel != null && !agentLabel.equals(RustCargoConfiguration.DEFAULT_AGENT_LABEL) && !envs.containsKey(VARIABLE)) {
            envs.put(VARIABLE, agentLabel);
        }
    }
}

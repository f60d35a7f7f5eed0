package io.jenkins.plugins.rustcargo.jenkins.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.EnvVars;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.rustcargo.jenkins.report.RustCargoReportAction;
import io.jenkins.plugins.rustcargo.jenkins.report.RustCargoTrendAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Real Pipeline jobs on a real agent (a separate JVM) running rustCargo against the buildkitd of
 * scripts/env/setup (-Pjenkins only; BUILDKIT_HOST and RUSTCARGO_TEST_IMAGE come from its env.sh).
 */
@WithJenkins
class RustCargoStepPipelineIT {
    private static final String IMAGE = System.getenv().getOrDefault("RUSTCARGO_TEST_IMAGE", "rust:1-bookworm");

    // A dependency-free crate, so the test needs no registry: `run` prints value=7, and the test
    // behind the `fail` feature fails.
    private static final String WORKSPACE = """
            writeFile file: 'Cargo.toml', text: '''[package]
            name = "jt"
            version = "0.1.0"
            edition = "2021"

            [features]
            fail = []
            '''
            writeFile file: 'src/main.rs', text: '''fn main() {
                println!("value={}", 3 + 4);
            }

            #[cfg(test)]
            mod tests {
                #[cfg(feature = "fail")]
                #[test]
                fn fails_on_purpose() {
                    assert_eq!(1, 2, "this test fails on purpose");
                }
            }
            '''
            """;

    private JenkinsRule j;

    @BeforeEach
    void agent(JenkinsRule rule) throws Exception {
        this.j = rule;
        String buildkitHost = System.getenv("BUILDKIT_HOST");
        assertNotNull(buildkitHost, "BUILDKIT_HOST is not set: source the env.sh of scripts/env/setup first");
        DumbSlave agent = j.createOnlineSlave(Label.get("rust"), new EnvVars("BUILDKIT_HOST", buildkitHost));
        assertNotNull(agent.toComputer());
    }

    private WorkflowJob job(String name, String body) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition("node('rust') {\n" + WORKSPACE + body + "\n}", true));
        return p;
    }

    @Test
    void runsCargoOnTheAgentAndReportsIt() throws Exception {
        WorkflowJob p = job("tiny", "stage('Run') { rustCargo args: 'run -q', image: '" + IMAGE + "' }");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("value=7", b);
        RustCargoReportAction report = b.getAction(RustCargoReportAction.class);
        assertNotNull(report);
        assertEquals(1, report.getCalls().size());
        assertEquals("Run", report.getCalls().get(0).getStage());
        assertEquals("cargo run -q", report.getCalls().get(0).getCommand());
        RustCargoTrendAction trend = p.getAction(RustCargoTrendAction.class);
        assertNotNull(trend, "the job page shows the trend once a build has a report");
        assertTrue(trend.getTrendSvg().contains("<polyline"), trend.getTrendSvg());
    }

    @Test
    void returnStatusHandsBackTheExitCode() throws Exception {
        WorkflowJob p = job("status", "def rc = rustCargo args: 'test --features fail', returnStatus: true, image: '" + IMAGE + "'\n"
                + "echo \"cargo exit code: ${rc}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("cargo exit code: 101", b);
    }

    @Test
    void aFailingTestFailsTheBuildWithOneLine() throws Exception {
        WorkflowJob p = job("failing", "rustCargo args: 'test --features fail', image: '" + IMAGE + "'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("this test fails on purpose", b);
        j.assertLogContains("cargo test failed (exit code 101)", b);
        j.assertLogNotContains("at io.jenkins.plugins.rustcargo", b);
        assertEquals(101, b.getAction(RustCargoReportAction.class).getCalls().get(0).getExitCode());
    }
}

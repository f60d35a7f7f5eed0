package io.jenkins.plugins.rustcargo.pipeline.harness

import java.nio.file.Path

/**
 * What a step sees: the environment overrides of the enclosing blocks (withEnv, environment,
 * stage), the current directory (null outside node/agent), the node, the stage and the flow.
 * Blocks copy it; the copy is current for the block's body only.
 */
class Ctx {
    Map<String, String> env = [:]
    Path cwd
    String nodeId
    StageRun stage
    Flow flow

    Ctx copy() {
        return new Ctx(env: new LinkedHashMap<String, String>(env), cwd: cwd, nodeId: nodeId, stage: stage, flow: flow)
    }
}

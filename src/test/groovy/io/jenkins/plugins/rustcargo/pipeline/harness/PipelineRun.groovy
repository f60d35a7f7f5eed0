package io.jenkins.plugins.rustcargo.pipeline.harness

import java.nio.file.Path

/** What one harness build did: result, console, stages, rustCargo calls, artifacts, test reports. */
class PipelineRun {
    String file
    String result
    Throwable error
    List<String> log
    List<StageRun> stages
    List<CargoCall> cargoCalls
    List<Map> nodes
    Map<String, Path> archived
    List<JunitReport> junitReports
    Map<String, List<String>> stashes
    List<Map> dockerLogins
    Path workspace
    Map<String, Object> params
    /** How often the program state was saved: once per step call from CPS code. */
    int programSaves

    StageRun stage(String name) {
        List<StageRun> found = stages.findAll { s -> s.name == name }
        if (found.size() != 1) {
            throw new AssertionError("expected one stage '${name}', found ${found.size()}: ${stages}")
        }
        return found[0]
    }

    List<CargoCall> cargoCallsIn(String stageName) {
        return cargoCalls.findAll { c -> c.stage == stageName }
    }

    String text() {
        return log.join('\n')
    }

    boolean logContains(String fragment) {
        return log.any { l -> l.contains(fragment) }
    }

    @Override
    String toString() {
        return "${file}: ${result}${error ? ' (' + error.message + ')' : ''}; stages ${stages}"
    }
}

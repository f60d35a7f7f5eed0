package io.jenkins.plugins.rustcargo.pipeline.harness

import io.jenkins.plugins.rustcargo.engine.RunSummary

/** One rustCargo call the harness ran on the real engine. */
class CargoCall {
    Map params
    String stage
    String branch
    String cacheKey
    String workspace
    long startNanos
    long endNanos
    RunSummary summary
    Integer exitCode
    String error

    List<String> downloadedCrates() {
        return summary == null ? [] : summary.downloadedCrates()
    }

    boolean overlaps(CargoCall other) {
        return startNanos < other.endNanos && other.startNanos < endNanos
    }

    @Override
    String toString() {
        return "rustCargo(${params.args}) in '${stage}' key ${cacheKey}: exit ${exitCode}${error ? ', ' + error : ''}"
    }
}

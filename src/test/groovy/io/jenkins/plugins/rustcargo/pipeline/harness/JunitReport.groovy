package io.jenkins.plugins.rustcargo.pipeline.harness

/** What one junit step call recorded. */
class JunitReport {
    String stage
    List<String> files = []
    List<Map> cases = []

    int getTotal() { cases.size() }

    int getFailed() { cases.count { c -> c.status == 'failed' } }

    int getSkipped() { cases.count { c -> c.status == 'skipped' } }

    int getPassed() { cases.count { c -> c.status == 'passed' } }

    @Override
    String toString() {
        return "junit in '${stage}': ${total} tests, ${failed} failed, ${skipped} skipped (${files})"
    }
}

package io.jenkins.plugins.rustcargo.pipeline.harness

/** The build console: lines in arrival order, parallel branches prefixed with [branch], secrets masked. */
class PipelineLog {
    private final List<String> lines = []
    private final Set<String> secrets = new LinkedHashSet<>()
    private final String echoPrefix

    PipelineLog(String echoPrefix) {
        this.echoPrefix = echoPrefix
    }

    synchronized void mask(String secret) {
        if (secret) {
            secrets << secret
        }
    }

    void line(String branch, String text) {
        String masked = text
        synchronized (this) {
            secrets.each { s -> masked = masked.replace(s, '****') }
            String full = branch ? "[${branch}] ${masked}" : masked
            lines << full
            System.out.println("${echoPrefix} ${full}")
        }
    }

    synchronized List<String> lines() {
        return new ArrayList<String>(lines)
    }

    synchronized String text() {
        return lines.join('\n')
    }
}

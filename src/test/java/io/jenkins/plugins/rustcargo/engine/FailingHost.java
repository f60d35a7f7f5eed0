package io.jenkins.plugins.rustcargo.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A build host where nothing runs: no file exists, and every process it is asked to start is
 * recorded and exits 1 at once, after printing {@code stderrLine} (if any). Unit tests of the
 * daemon-discovery logic use it; the integration tests use real hosts.
 */
final class FailingHost implements BuildHost {
    final List<ProcessSpec> started = new ArrayList<>();
    private final String stderrLine;
    private final boolean allowWrites;

    FailingHost(String stderrLine, boolean allowWrites) {
        this.stderrLine = stderrLine;
        this.allowWrites = allowWrites;
    }

    List<List<String>> argvs() {
        return started.stream().map(ProcessSpec::argv).toList();
    }

    @Override
    public String createTempDir(String prefix) {
        return "/tmp/" + prefix;
    }

    @Override
    public void writeFile(String path, byte[] content, boolean executable) {
        if (!allowWrites) {
            throw new AssertionError("unexpected write of " + path);
        }
    }


    @Override
    public boolean exists(String path) {
        return false;
    }

    @Override
    public String readFile(String path) {
        return null;
    }

    @Override
    public void deleteRecursively(String path) {}

    @Override
    public <T extends java.io.Serializable> T run(HostTask<T> task) throws java.io.IOException {
        return task.run();
    }

    @Override
    public RunningProcess start(ProcessSpec spec) {
        started.add(spec);
        if (stderrLine != null) {
            spec.stderr().line(stderrLine);
        }
        return new ExitedProcess(1);
    }
}

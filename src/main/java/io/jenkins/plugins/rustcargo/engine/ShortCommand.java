package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short command on the build host and collects its output, with a hard time limit. */
final class ShortCommand {
    /** Exit code, stdout lines and stderr lines; exit code -1 means it timed out and was killed. */
    record Result(int exitCode, List<String> stdout, List<String> stderr) {
        String stderrText() {
            return String.join(" ", stderr).trim();
        }
    }

    private ShortCommand() {}

    static Result run(BuildHost host, List<String> argv, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(host, argv, env, timeoutSeconds, false);
    }

    /**
     * @param outlivesBuild true when the command leaves a process behind that must survive the
     *     build (see {@link ProcessSpec#outlivesBuild()}): the host marks the command so, and its
     *     children inherit the mark
     */
    static Result run(BuildHost host, List<String> argv, Map<String, String> env, long timeoutSeconds, boolean outlivesBuild)
            throws IOException, InterruptedException {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        RunningProcess p = BuildkitTools.start(host, new ProcessSpec(argv, env, out::add, err::add, outlivesBuild));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.kill();
                return new Result(-1, List.copyOf(out), List.copyOf(err));
            }
            return new Result(p.waitFor(), List.copyOf(out), List.copyOf(err));
        } catch (InterruptedException e) {
            p.kill();
            throw e;
        }
    }
}

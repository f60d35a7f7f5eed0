package io.jenkins.plugins.rustcargo.engine;

import java.util.List;
import java.util.Map;

/**
 * A process to start on the build host.
 *
 * @param argv the command, never interpreted by a shell
 * @param env variables added to (or overriding) the host's own environment
 * @param stdout receives stdout, one line at a time
 * @param stderr receives stderr, one line at a time
 * @param outlivesBuild true for the persistent buildkitd: the host must not kill it when the
 *     build that started it ends (Jenkins kills processes carrying the build's cookie)
 */
public record ProcessSpec(List<String> argv, Map<String, String> env, LineSink stdout, LineSink stderr, boolean outlivesBuild) {
    public ProcessSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static ProcessSpec of(List<String> argv, Map<String, String> env, LineSink stdout, LineSink stderr) {
        return new ProcessSpec(argv, env, stdout, stderr, false);
    }
}

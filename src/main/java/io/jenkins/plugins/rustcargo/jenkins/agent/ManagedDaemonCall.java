package io.jenkins.plugins.rustcargo.jenkins.agent;

import io.jenkins.plugins.rustcargo.daemon.docker.DockerJavaRuntime;
import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.DaemonUnavailableException;
import io.jenkins.plugins.rustcargo.engine.ManagedDaemon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;

/**
 * Makes sure the managed BuildKit container runs ({@link ManagedDaemon#ensureContainer}), in the
 * agent JVM, where the step's {@code DOCKER_HOST} socket is. Returns the lines to show on the
 * console; a problem comes back as the engine's one-line exception.
 */
public final class ManagedDaemonCall extends MasterToSlaveCallable<List<String>, DaemonUnavailableException> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String image;
    private final HashMap<String, String> env;

    public ManagedDaemonCall(ManagedDaemon.Spec spec, Map<String, String> env) {
        this.name = spec.name();
        this.image = spec.image();
        this.env = new HashMap<>();
        for (String key : List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY")) {
            if (env.get(key) != null) {
                this.env.put(key, env.get(key));
            }
        }
    }

    @Override
    public List<String> call() throws DaemonUnavailableException {
        List<String> lines = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override
            public void output(String line) {
                lines.add(line);
            }

            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add(line);
            }
        };
        try (DockerJavaRuntime docker = DockerJavaRuntime.fromEnvironment(env)) {
            new ManagedDaemon(docker, log).ensureContainer(new ManagedDaemon.Spec(name, image));
        } catch (IOException closing) {
            // the container is up; a failure to close the client changes nothing
        }
        return lines;
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.io.Serializable;

/**
 * File work that must happen on the build host itself, with that host's file system rules
 * (links, ownership). The CLI runs it in place; the Jenkins adapter sends it to the agent.
 */
@FunctionalInterface
public interface HostTask<T extends Serializable> extends Serializable {
    T run() throws IOException;
}

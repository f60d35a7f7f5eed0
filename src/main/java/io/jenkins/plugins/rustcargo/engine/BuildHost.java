package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;

/**
 * The machine where buildctl runs and the workspace lives: the CLI's own machine, or a Jenkins
 * agent reached through FilePath and Launcher. Paths are absolute paths on that machine.
 */
public interface BuildHost {

    /** Creates a new private directory and returns its absolute path. */
    String createTempDir(String prefix) throws IOException, InterruptedException;

    void writeFile(String path, byte[] content, boolean executable) throws IOException, InterruptedException;


    boolean exists(String path) throws IOException, InterruptedException;

    /** Reads a small UTF-8 text file, or returns null when it does not exist. */
    String readFile(String path) throws IOException, InterruptedException;

    void deleteRecursively(String path) throws IOException, InterruptedException;

    /** Runs file work on the build host itself (see {@link HostTask}). */
    <T extends java.io.Serializable> T run(HostTask<T> task) throws IOException, InterruptedException;

    /** Starts a process; its output arrives line by line on the spec's sinks. */
    RunningProcess start(ProcessSpec spec) throws IOException, InterruptedException;
}

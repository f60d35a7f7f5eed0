package io.jenkins.plugins.rustcargo.engine;

/** Receives a process's output one complete line at a time, without the line terminator. */
@FunctionalInterface
public interface LineSink {
    LineSink DISCARD = line -> {};

    void line(String line);
}

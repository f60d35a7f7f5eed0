package io.jenkins.plugins.rustcargo.jenkins.config;

/**
 * The global configuration without a Jenkins to load it from or save it to: unit tests override
 * the descriptor's load and save, so the production class keeps the plain idiom.
 */
public class UnsavedConfiguration extends RustCargoConfiguration {
    @Override
    public synchronized void load() {}

    @Override
    public synchronized void save() {}
}

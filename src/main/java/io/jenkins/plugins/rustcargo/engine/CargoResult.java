package io.jenkins.plugins.rustcargo.engine;

/** A cargo call that ran to completion with exit code 0. */
public record CargoResult(RunSummary summary) {}

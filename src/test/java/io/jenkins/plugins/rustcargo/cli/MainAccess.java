package io.jenkins.plugins.rustcargo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lets engine integration tests run the CLI the way a user does, collecting stderr. */
public final class MainAccess {
    private MainAccess() {}

    public static int run(ByteArrayOutputStream err, String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

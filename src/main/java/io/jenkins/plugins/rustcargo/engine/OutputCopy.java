package io.jenkins.plugins.rustcargo.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes every line on to the real log and keeps a copy of cargo's own output lines, for
 * {@link CargoRequest#logFile()} (e.g. libtest output turned into JUnit reports). It is written
 * to the build host in one piece at the end, also when cargo failed.
 */
final class OutputCopy implements BuildLog {
    private final BuildLog log;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    OutputCopy(BuildLog log) {
        this.log = log;
    }

    @Override
    public void output(String line) {
        synchronized (copy) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            copy.write(bytes, 0, bytes.length);
        }
        log.output(line);
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    byte[] bytes() {
        synchronized (copy) {
            return copy.toByteArray();
        }
    }
}

package io.jenkins.plugins.rustcargo.cli;

import io.jenkins.plugins.rustcargo.engine.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Files the CLI writes at the end of a run (--log-file, --summary-json): checked before the build
 * starts, so a path that cannot be written fails in one line up front, not after a long build.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** The absolute path, or null for none; refuses a directory and a missing or unwritable parent. */
    static Path writable(String flag, String file) throws InvalidRequestException {
        if (file == null) {
            return null;
        }
        Path path = Paths.get(file).toAbsolutePath().normalize();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidRequestException(flag + " '" + file + "' is a directory: name a file, e.g. " + path + "/summary.json");
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidRequestException(flag + " '" + file + "': directory " + parent + " does not exist; create it first");
        }
        if (!Files.isWritable(parent) || Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(path)) {
            throw new InvalidRequestException(flag + " '" + file + "' cannot be written (no permission)");
        }
        return path;
    }
}

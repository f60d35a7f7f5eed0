package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report into the workspace without following links out of it. The workspace is
 * untrusted (a pull request can commit {@code target -> /home/jenkins}), so every directory
 * between the workspace and the file must be a real directory, created here if missing; the file
 * itself is replaced by a rename, which replaces a link rather than writing through it.
 */
public final class ConfinedWrite {
    private ConfinedWrite() {}

    /** The one-line problem with writing {@code relative} under a workspace, or null if it may be written. */
    public static String problem(String relative) {
        if (relative == null || relative.isBlank()) {
            return "is empty";
        }
        if (relative.startsWith("/") || relative.startsWith("\\")) {
            return "must be relative to the workspace";
        }
        for (String part : relative.split("/")) {
            if (part.equals("..")) {
                return "must stay inside the workspace (no '..')";
            }
        }
        return null;
    }

    public static void write(Path workspace, String relative, byte[] content) throws IOException {
        String problem = problem(relative);
        if (problem != null) {
            throw new IOException("report path '" + relative + "' " + problem);
        }
        Path dir = workspace;
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty() || parts[i].equals(".")) {
                continue;
            }
            dir = dir.resolve(parts[i]);
            if (Files.isSymbolicLink(dir)) {
                throw new IOException("not writing " + relative + ": " + workspace.relativize(dir)
                        + " is a symbolic link in the workspace");
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("not writing " + relative + ": " + workspace.relativize(dir) + " is not a directory");
            }
        }
        Path file = dir.resolve(parts[parts.length - 1]);
        Path partial = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one place that decides how the engine writes files the user named (log file, summary
 * JSON) on the build host: only regular files, never through a link, never over a directory,
 * device node or link, and nothing partial left behind when a write fails.
 */
public final class HostFiles {
    private HostFiles() {}

    /**
     * Why a path the user gives relative to the workspace (the JUnit report) cannot be written
     * there, or null: it must be relative and must not climb out with {@code ..}.
     */
    public static String relativeProblem(String relative) {
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

    /** Why {@code file} may not be written, or null when it may (it is absent or a regular file). */
    public static String refusal(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = attributes(abs);
        if (a != null && !a.isRegularFile()) {
            return abs + " is " + describe(abs, a) + ", not a regular file";
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            BasicFileAttributes pa = attributes(p);
            if (pa != null && !pa.isDirectory() && !pa.isSymbolicLink()) {
                return p + " is not a directory";
            }
        }
        return null;
    }

    /**
     * Like {@link #refusal(Path)}, and no directory between {@code root} and the file may be a
     * link: inside the workspace, a link may have been planted by a build.
     */
    public static String refusalWithin(Path file, Path root) {
        String r = refusal(file);
        if (r != null || root == null) {
            return r;
        }
        Path abs = file.toAbsolutePath().normalize();
        Path top = root.toAbsolutePath().normalize();
        if (!abs.startsWith(top)) {
            return null;
        }
        for (Path p = abs.getParent(); p != null && p.startsWith(top) && !p.equals(top); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return p + " is a symbolic link; rust-cargo does not write through links inside the workspace";
            }
        }
        return null;
    }

    /** Writes {@code content} to {@code file} as a regular file, atomically, or throws with one line. */
    public static void writeRegularFile(Path file, byte[] content, Path root) throws IOException {
        String refused = refusalWithin(file, root);
        if (refused != null) {
            throw new IOException("refusing to write " + file + ": " + refused);
        }
        Path abs = file.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path partial = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".partial");
        try {
            Files.write(partial, content, StandardOpenOption.TRUNCATE_EXISTING);
            // rename(2) replaces a regular file; the check above ruled out everything else, and a
            // directory appearing meanwhile makes the rename fail rather than be replaced.
            Files.move(partial, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot write " + abs + ": " + e.getMessage(), e);
        }
    }

    /** A small UTF-8 file read without following a link; null unless it is a regular file. */
    public static String readRegularFile(Path file) throws IOException {
        BasicFileAttributes a = attributes(file);
        if (a == null || !a.isRegularFile()) {
            return null;
        }
        return Files.readString(file);
    }

    static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return null;
        }
    }

    static String describe(Path p, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            String to;
            try {
                to = String.valueOf(Files.readSymbolicLink(p));
            } catch (IOException e) {
                to = "?";
            }
            return "a symbolic link (to " + to + ")";
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        return a.isOther() ? "a special file (device, pipe or socket)" : "a regular file";
    }

    /** {@link #refusalWithin} on the build host; "" when the file may be written. */
    record Check(String file, String root) implements HostTask<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String run() {
            String r = refusalWithin(Path.of(file), root == null ? null : Path.of(root));
            return r == null ? "" : r;
        }
    }

    /** {@link #writeRegularFile} on the build host. */
    record Write(String file, byte[] content, String root) implements HostTask<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean run() throws IOException {
            writeRegularFile(Path.of(file), content, root == null ? null : Path.of(root));
            return Boolean.TRUE;
        }
    }

    /** {@link #readRegularFile} on the build host. */
    record Read(String file) implements HostTask<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String run() throws IOException {
            return readRegularFile(Path.of(file));
        }
    }

    /** {@link OutputInstaller#targetRefusal} on the build host; "" when outputs may be exported. */
    record CheckTarget(String workspace) implements HostTask<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String run() {
            String r = OutputInstaller.targetRefusal(Path.of(workspace));
            return r == null ? "" : r;
        }
    }
}

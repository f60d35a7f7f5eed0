package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moves what the build exported (into a private temp dir on the build host) into the
 * workspace's {@code target/}. This is where confinement is enforced, whatever the build
 * container did: only regular files whose path matches the output pattern, only below a real
 * {@code target/} directory, never through a link, created by this process (so owned by the
 * agent user) with plain 0644/0755 modes. A file that would replace a directory is an error
 * before anything is written; nothing on the host is ever deleted.
 */
final class OutputInstaller implements HostTask<OutputInstaller.Result> {
    private static final long serialVersionUID = 1L;
    static final int NAME_MAX = 255;
    static final int PATH_MAX = 4095;
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    /** Installed files (relative to target/), warnings about what was not, or the one error. */
    record Result(List<String> paths, List<Long> sizes, List<String> warnings, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String exported;
    private final String workspace;
    private final String pattern;

    OutputInstaller(String exported, String workspace, String pattern) {
        this.exported = exported;
        this.workspace = workspace;
        this.pattern = pattern;
    }

    /** Why outputs cannot go to {@code <workspace>/target} at all, or null. */
    static String targetRefusal(Path workspace) {
        Path target = workspace.resolve("target");
        BasicFileAttributes a = HostFiles.attributes(target);
        if (a == null || a.isDirectory() && !a.isSymbolicLink()) {
            return null;
        }
        return "the workspace's target is " + HostFiles.describe(target, a)
                + "; rust-cargo exports outputs only into a real target/ directory inside the workspace";
    }

    @Override
    public Result run() throws IOException {
        Path from = Path.of(exported);
        Path ws = Path.of(workspace).toAbsolutePath().normalize();
        Path target = ws.resolve("target");
        String refused = targetRefusal(ws);
        if (refused != null) {
            return new Result(List.of(), List.of(), List.of(), refused);
        }
        Pattern re = Pattern.compile(pattern);
        List<String> warnings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String rel = from.relativize(p).toString();
                    BasicFileAttributes a = HostFiles.attributes(p);
                    if (p.equals(from) || a == null || a.isDirectory()) {
                        continue;
                    }
                    String problem = !a.isRegularFile() ? "it is " + HostFiles.describe(p, a)
                            : !re.matcher(rel).matches() ? "it does not match the output pattern"
                            : unsafeName(rel, target);
                    if (problem != null) {
                        warnings.add("output " + quote(rel) + " not exported: " + problem);
                    } else {
                        files.add(p);
                    }
                }
            }
        }
        for (Path p : files) {
            String conflict = conflict(target, from.relativize(p));
            if (conflict != null) {
                return new Result(List.of(), List.of(), warnings, conflict);
            }
        }
        List<String> paths = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (Path p : files) {
            Path rel = from.relativize(p);
            paths.add(rel.toString().replace('\\', '/'));
            sizes.add(install(p, target.resolve(rel)));
        }
        return new Result(paths, sizes, warnings, null);
    }

    /** Control characters and names the host cannot hold are reported, not dropped silently. */
    private static String unsafeName(String rel, Path target) {
        if (rel.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "its name contains control characters";
        }
        for (String part : rel.split("/")) {
            if (part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAME_MAX) {
                return "a name in it is longer than " + NAME_MAX + " bytes";
            }
        }
        if (target.resolve(rel).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PATH_MAX) {
            return "its path on the build host would be longer than " + PATH_MAX + " bytes";
        }
        return null;
    }

    /** Every directory on the way must be a real directory (or absent); the file must not be one. */
    private static String conflict(Path target, Path rel) {
        Path dir = target;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            dir = dir.resolve(rel.getName(i));
            BasicFileAttributes a = HostFiles.attributes(dir);
            if (a != null && (a.isSymbolicLink() || !a.isDirectory())) {
                return "cannot export " + rel + ": target/" + target.relativize(dir) + " is "
                        + HostFiles.describe(dir, a) + " on the build host; nothing was replaced";
            }
        }
        Path dest = target.resolve(rel);
        BasicFileAttributes a = HostFiles.attributes(dest);
        if (a != null && !a.isRegularFile() && !a.isSymbolicLink()) {
            return "cannot export " + rel + ": target/" + rel + " is " + HostFiles.describe(dest, a)
                    + " on the build host; nothing was replaced";
        }
        return null;
    }

    /** Copies beside the destination, then renames over it (a link there is replaced, not followed). */
    private static long install(Path src, Path dest) throws IOException {
        Files.createDirectories(dest.getParent());
        Path partial = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".partial");
        try {
            Files.copy(src, partial, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            boolean exec = Files.getPosixFilePermissions(src, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(partial, exec ? EXECUTABLE : PLAIN);
            long size = Files.size(partial);
            Files.move(partial, dest, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static String quote(String rel) {
        StringBuilder sb = new StringBuilder();
        for (char c : rel.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}

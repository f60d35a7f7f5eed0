package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The only place that decides what a cache key or namespace may look like. Keys end up inside
 * BuildKit cache ids, daemon-wide, so they are restricted to a safe alphabet with no path
 * segments.
 */
public final class CacheKey {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int READABLE_PART = 80;

    private CacheKey() {}

    /** Checks a key the user chose; {@code what} names the parameter in the error. */
    public static String validate(String what, String key) throws InvalidRequestException {
        if (key == null || !VALID.matcher(key).matches() || key.contains("..")) {
            throw new InvalidRequestException(what + " '" + key
                    + "' is not valid: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return key;
    }

    /**
     * Builds a key from free text such as a Jenkins job name and stage. Unsafe characters become
     * {@code -} and runs of dots one dot (".." is never valid); a short hash of the original text
     * keeps distinct inputs distinct.
     */
    public static String derive(String... parts) {
        String joined = String.join("/", parts);
        String readable = joined.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("\\.{2,}", ".").replaceAll("^[-._]+", "").replaceAll("[-._]+$", "");
        if (readable.length() > READABLE_PART) {
            readable = readable.substring(0, READABLE_PART);
        }
        if (readable.isEmpty()) {
            readable = "default";
        }
        return readable + "-" + shortHash(joined);
    }

    /**
     * The default key of a build started outside Jenkins (the CLI): {@code local-<dirname>-<hash>},
     * where the hash covers the canonical absolute path of the workspace (links resolved), not just
     * its name. So {@code /a/demo} and {@code /b/demo} get two target caches and two locks, while
     * two ways of naming one directory ({@code ./demo}, a symlink to it) share one.
     */
    public static String forWorkspace(Path workspace) {
        Path canonical;
        try {
            canonical = workspace.toRealPath();
        } catch (IOException e) {
            canonical = workspace.toAbsolutePath().normalize();
        }
        String name = canonical.getFileName() == null ? "root" : canonical.getFileName().toString();
        String readable = derive("local", name);
        // derive() already appended a hash of the name; replace it by one of the whole path.
        return readable.substring(0, readable.lastIndexOf('-')) + "-" + shortHash(canonical.toString());
    }

    static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

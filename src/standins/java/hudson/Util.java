// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/Util.java @ jenkins-2.479.3 (behaviour ported; see docs/standins.md)
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.util.VariableResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Various utility methods that don't have more proper home.
 *
 * <p>Only a handful of members are mirrored. {@link #deleteRecursive(File)} and {@link #deleteFile(File)} port
 * upstream's {@code jenkins.util.io.PathRemover} robust remover (retries, making read-only entries writable,
 * not following symlinks); the only difference is that failures are reported as a plain {@link IOException}
 * carrying the individual errors as suppressed exceptions instead of upstream's {@code CompositeIOException}
 * (same message), and the retry-wait part of that message is rendered for waits under one minute only.
 */
public class Util {

    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");

    /**
     * Replaces the occurrence of '$key' by {@code properties.get('key')}.
     *
     * <p>
     * Unlike shell, undefined variables are left as-is (this behavior is the same as Ant.)
     */
    @Nullable
    public static String replaceMacro(@CheckForNull String s, @NonNull Map<String, String> properties) {
        return replaceMacro(s, new VariableResolver.ByMap<>(properties));
    }

    /**
     * Replaces the occurrence of '$key' by {@code resolver.get('key')}.
     *
     * <p>
     * Unlike shell, undefined variables are left as-is (this behavior is the same as Ant.)
     */
    @Nullable
    public static String replaceMacro(@CheckForNull String s, @NonNull VariableResolver<String> resolver) {
        if (s == null) {
            return null;
        }

        int idx = 0;
        while (true) {
            Matcher m = VARIABLE.matcher(s);
            if (!m.find(idx))   return s;

            String key = m.group().substring(1);

            // escape the dollar sign or get the key to resolve
            String value;
            if (key.charAt(0) == '$') {
               value = "$";
            } else {
               if (key.charAt(0) == '{')  key = key.substring(1, key.length() - 1);
               value = resolver.resolve(key);
            }

            if (value == null)
                idx = m.end(); // skip this
            else {
                s = s.substring(0, m.start()) + value + s.substring(m.end());
                idx = m.start() + value.length();
            }
        }
    }

    /**
     * Deletes this file (and does not take no for an answer).
     * If necessary, it will have multiple attempts at deleting things.
     *
     * @param f a file to delete
     * @throws IOException if it exists but could not be successfully deleted
     */
    public static void deleteFile(@NonNull File f) throws IOException {
        Path path = fileToPath(f);
        for (int retryAttempts = 0; ; retryAttempts++) {
            Optional<IOException> maybeError = tryRemoveFile(path);
            if (maybeError.isEmpty()) return;
            if (shouldRetry(retryAttempts)) continue;
            IOException error = maybeError.get();
            throw new IOException(failureMessage(path, retryAttempts), error);
        }
    }

    /**
     * Deletes the given directory (including its contents) recursively.
     * It does not take no for an answer - if necessary, it will have multiple
     * attempts at deleting things.
     *
     * @throws IOException
     * if the operation fails.
     */
    public static void deleteRecursive(@NonNull File dir) throws IOException {
        Path path = fileToPath(dir);
        for (int retryAttempt = 0; ; retryAttempt++) {
            List<IOException> errors = tryRemoveRecursive(path);
            if (errors.isEmpty()) return;
            if (shouldRetry(retryAttempt)) continue;
            IOException composite = new IOException(failureMessage(path, retryAttempt)
                    + (errors.size() == 1 ? "" : " (" + errors.size() + " errors)"), errors.get(0));
            errors.forEach(composite::addSuppressed);
            throw composite;
        }
    }

    // ---- port of jenkins.util.io.PathRemover (newFilteredRobustRemover with ALLOW_ALL) ----

    private static final int DELETION_RETRIES = Math.max(0, Integer.getInteger(Util.class.getName() + ".maxFileDeletionRetries", 2));
    private static final int WAIT_BETWEEN_DELETION_RETRIES = Integer.getInteger(Util.class.getName() + ".deletionRetryWait", 100);
    private static final boolean GC_AFTER_FAILED_DELETE = Boolean.getBoolean(Util.class.getName() + ".performGCOnFailedDelete");
    private static final ThreadLocal<Boolean> DELETION_INTERRUPTED = ThreadLocal.withInitial(() -> false);

    private static boolean shouldRetry(int retriesAttempted) {
        if (retriesAttempted >= DELETION_RETRIES) return false;
        if (GC_AFTER_FAILED_DELETE) System.gc();
        long delayMillis = WAIT_BETWEEN_DELETION_RETRIES >= 0 ? WAIT_BETWEEN_DELETION_RETRIES : -(retriesAttempted + 1) * (long) WAIT_BETWEEN_DELETION_RETRIES;
        if (delayMillis <= 0) return !Thread.interrupted();
        try {
            Thread.sleep(delayMillis);
            return true;
        } catch (InterruptedException e) {
            DELETION_INTERRUPTED.set(true);
            return false;
        }
    }

    private static String failureMessage(@NonNull Path fileToRemove, int retryCount) {
        StringBuilder sb = new StringBuilder();
        sb.append("Unable to delete '");
        sb.append(fileToRemove);
        sb.append("'. Tried ");
        sb.append(retryCount + 1);
        sb.append(" time");
        if (retryCount != 1) sb.append('s');
        if (DELETION_RETRIES > 0) {
            sb.append(" (of a maximum of ");
            sb.append(DELETION_RETRIES + 1);
            sb.append(')');
            if (GC_AFTER_FAILED_DELETE)
                sb.append(" garbage-collecting");
            if (WAIT_BETWEEN_DELETION_RETRIES != 0 && GC_AFTER_FAILED_DELETE)
                sb.append(" and");
            if (WAIT_BETWEEN_DELETION_RETRIES != 0) {
                sb.append(" waiting ");
                sb.append(shortTimeSpan(Math.abs(WAIT_BETWEEN_DELETION_RETRIES)));
                if (WAIT_BETWEEN_DELETION_RETRIES < 0) {
                    sb.append("-");
                    sb.append(shortTimeSpan(Math.abs((long) WAIT_BETWEEN_DELETION_RETRIES) * (DELETION_RETRIES + 1)));
                }
            }
            if (WAIT_BETWEEN_DELETION_RETRIES != 0 || GC_AFTER_FAILED_DELETE)
                sb.append(" between attempts");
        }
        if (DELETION_INTERRUPTED.get())
            sb.append(". The delete operation was interrupted before it completed successfully");
        sb.append('.');
        DELETION_INTERRUPTED.set(false);
        return sb.toString();
    }

    /** The sub-minute branches of upstream's {@code getTimeSpanString}. */
    private static String shortTimeSpan(long duration) {
        long seconds = duration / 1000;
        long millisecs = duration % 1000;
        if (seconds >= 10)
            return MessageFormat.format("{0} sec", seconds);
        else if (seconds >= 1)
            return MessageFormat.format("{0} sec", seconds + (float) (millisecs / 100) / 10);
        else if (millisecs >= 100)
            return MessageFormat.format("{0} sec", (float) (millisecs / 10) / 100);
        else
            return MessageFormat.format("{0} ms", millisecs);
    }

    private static Optional<IOException> tryRemoveFile(@NonNull Path path) {
        try {
            removeOrMakeRemovableThenRemove(path.normalize());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    private static List<IOException> tryRemoveRecursive(@NonNull Path path) {
        Path normalized = path.normalize();
        List<IOException> accumulatedErrors = isSymlink(normalized) ? new ArrayList<>() :
                tryRemoveDirectoryContents(normalized);
        tryRemoveFile(normalized).ifPresent(accumulatedErrors::add);
        return accumulatedErrors;
    }

    private static List<IOException> tryRemoveDirectoryContents(@NonNull Path path) {
        Path normalized = path.normalize();
        List<IOException> accumulatedErrors = new ArrayList<>();
        if (!Files.isDirectory(normalized)) return accumulatedErrors;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(normalized)) {
            for (Path child : children) {
                accumulatedErrors.addAll(tryRemoveRecursive(child));
            }
        } catch (IOException e) {
            accumulatedErrors.add(e);
        }
        return accumulatedErrors;
    }

    private static void removeOrMakeRemovableThenRemove(@NonNull Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            makeRemovable(path);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e2) {
                IOException failure;
                if (Files.isDirectory(path)) {
                    List<String> entries;
                    try (Stream<Path> children = Files.list(path)) {
                        entries = children.map(Path::toString).collect(Collectors.toList());
                    }
                    failure = new IOException("Unable to remove directory " + path + " with directory contents: " + entries, e);
                } else {
                    failure = new IOException("Unable to remove file " + path, e);
                }
                failure.addSuppressed(e2);
                throw failure;
            }
        }
    }

    private static void makeRemovable(@NonNull Path path) throws IOException {
        if (!Files.isWritable(path)) {
            makeWritable(path);
        }
        Optional<Path> maybeParent = Optional.ofNullable(path.getParent()).map(Path::normalize).filter(p -> !Files.isWritable(p));
        if (maybeParent.isPresent()) {
            makeWritable(maybeParent.get());
        }
    }

    private static void makeWritable(@NonNull Path path) throws IOException {
        if (File.pathSeparatorChar != ';') {
            try {
                PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class);
                Set<PosixFilePermission> newPermissions = attrs.permissions();
                newPermissions.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(path, newPermissions);
            } catch (NoSuchFileException ignored) {
                return;
            } catch (UnsupportedOperationException ignored) {
                // PosixFileAttributes not supported, fall back to old IO.
            }
        }
        path.toFile().setWritable(true);
    }

    private static boolean isSymlink(@NonNull Path path) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attrs.isSymbolicLink() || (attrs instanceof DosFileAttributes && attrs.isOther());
        } catch (IOException ignored) {
            return false;
        }
    }

    // ---- end of PathRemover port ----

    /**
     * Converts a map to the {@code KEY=VALUE} array form used by {@code Launcher}.
     */
    public static String[] mapToEnv(@NonNull Map<String, String> m) {
        String[] r = new String[m.size()];
        int idx = 0;

        for (final Map.Entry<String, String> e : m.entrySet()) {
            r[idx++] = e.getKey() + '=' + e.getValue();
        }
        return r;
    }

    /**
     * Escapes HTML unsafe characters like &lt;, &amp; to the respective character entities.
     */
    @Nullable
    public static String escape(@CheckForNull String text) {
        if (text == null)     return null;
        StringBuilder buf = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n')
                buf.append("<br>");
            else
            if (ch == '<')
                buf.append("&lt;");
            else
            if (ch == '>')
                buf.append("&gt;");
            else
            if (ch == '&')
                buf.append("&amp;");
            else
            if (ch == '"')
                buf.append("&quot;");
            else
            if (ch == '\'')
                buf.append("&#039;");
            else
            if (ch == ' ') {
                // All spaces in a block of consecutive spaces are converted to
                // non-breaking space (&nbsp;) except for the last one.
                char nextCh = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                buf.append(nextCh == ' ' ? "&nbsp;" : " ");
            }
            else
                buf.append(ch);
        }
        return buf.toString();
    }

    /**
     * Convert null to "".
     */
    @NonNull
    public static String fixNull(@CheckForNull String s) {
        return fixNull(s, "");
    }

    /**
     * Convert {@code null} to a default value.
     * @param defaultValue Default value. It may be immutable or not, depending on the implementation.
     * @since 2.144
     */
    @NonNull
    public static <T> T fixNull(@CheckForNull T s, @NonNull T defaultValue) {
        return s != null ? s : defaultValue;
    }

    /**
     * Convert empty string to null.
     */
    @CheckForNull
    public static String fixEmpty(@CheckForNull String s) {
        if (s == null || s.isEmpty())    return null;
        return s;
    }

    /**
     * Convert empty string to null, and trim whitespace.
     *
     * @since 1.154
     */
    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        if (s == null)    return null;
        return fixEmpty(s.trim());
    }

    /**
     * @return {@code l} if l is not {@code null}, otherwise an empty <b>immutable list</b>.
     */
    @NonNull
    public static <T> List<T> fixNull(@CheckForNull List<T> l) {
        return fixNull(l, Collections.emptyList());
    }

    /**
     * @return {@code l} if l is not {@code null}, otherwise an empty <b>immutable set</b>.
     */
    @NonNull
    public static <T> Set<T> fixNull(@CheckForNull Set<T> l) {
        return fixNull(l, Collections.emptySet());
    }

    /**
     * @return {@code l} if l is not {@code null}, otherwise an empty <b>immutable set</b>.
     */
    @NonNull
    public static <T> Collection<T> fixNull(@CheckForNull Collection<T> l) {
        return fixNull(l, Collections.emptySet());
    }

    /**
     * @return {@code l} if l is not {@code null}, otherwise an empty <b>immutable set</b>.
     */
    @NonNull
    public static <T> Iterable<T> fixNull(@CheckForNull Iterable<T> l) {
        return fixNull(l, Collections.emptySet());
    }

    /**
     * Converts a {@link File} into a {@link Path} and checks runtime exceptions.
     * @throws IOException if {@code f.toPath()} throws {@link InvalidPathException}.
     */
    public static @NonNull Path fileToPath(@NonNull File file) throws IOException {
        try {
            return file.toPath();
        } catch (InvalidPathException e) {
            throw new IOException(e);
        }
    }
}

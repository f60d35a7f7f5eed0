// Stand-in for jenkinsci/jenkins core/src/main/java/hudson/FilePath.java @ jenkins-2.479.3 (behaviour ported for local paths; see docs/standins.md)
package hudson;

import static hudson.Util.fileToPath;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import hudson.remoting.Callable;
import hudson.remoting.LocalChannel;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.MasterToSlaveFileCallable;
import jenkins.model.Jenkins;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * {@link File} like object with remoting support.
 *
 * <p>Behaviour is ported for local paths ({@code channel == null}): path normalisation, {@link #child},
 * {@link #getParent}, {@link #getName}, and every file operation mirrored here runs the same
 * {@code MasterToSlaveFileCallable} logic as upstream on the local file system.
 * With a non-null channel, {@link #act(FileCallable)} and {@link #act(Callable)} hand the work to
 * {@link VirtualChannel#call} as upstream does (no {@code FileCallableWrapperFactory} exists without Jenkins);
 * the streaming methods {@link #read()} and {@link #write()} are not available for remote paths.
 * Serialization hooks ({@code writeObject}/{@code readObject}) are not mirrored.
 */
public final class FilePath implements SerializableOnlyOverRemoting {

    /**
     * When this {@link FilePath} represents the remote path, this field is non-null; null means local.
     */
    private transient VirtualChannel channel;

    /**
     * Represent the path to the file in the controller or the agent.
     */
    private /*final*/ String remote;

    /**
     * Creates a {@link FilePath} that represents a path on the given node.
     *
     * @param channel
     *      To create a path that represents a remote path, pass in a {@link hudson.remoting.Channel}
     *      that's connected to that machine. If {@code null}, that means the local file path.
     */
    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        this.channel = channel instanceof LocalChannel ? null : channel;
        this.remote = normalize(remote);
    }

    /**
     * To create {@link FilePath} that represents a "local" path.
     */
    public FilePath(@NonNull File localPath) {
        this.channel = null;
        this.remote = normalize(localPath.getPath());
    }

    /**
     * Construct a path starting with a base location.
     * @param base starting point for resolution, and defines channel
     * @param rel a path that when relative will be resolved against base
     */
    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        this.channel = base.channel;
        this.remote = normalize(resolvePathIfRelative(base, rel));
    }

    private String resolvePathIfRelative(@NonNull FilePath base, @NonNull String rel) {
        if (isAbsolute(rel)) return rel;
        if (base.isUnix()) {
            // shouldn't need this replace, but better safe than sorry
            return base.remote + '/' + rel.replace('\\', '/');
        } else {
            return base.remote + '\\' + rel.replace('/', '\\');
        }
    }

    /**
     * Is the given path name an absolute path?
     */
    private static boolean isAbsolute(@NonNull String rel) {
        return rel.startsWith("/") || DRIVE_PATTERN.matcher(rel).matches() || UNC_PATTERN.matcher(rel).matches();
    }

    private static final Pattern DRIVE_PATTERN = Pattern.compile("[A-Za-z]:[\\\\/].*"),
            UNC_PATTERN = Pattern.compile("^\\\\\\\\.*"),
            ABSOLUTE_PREFIX_PATTERN = Pattern.compile("^(\\\\\\\\|(?:[A-Za-z]:)?[\\\\/])[\\\\/]*");

    /**
     * {@link File#getParent()} etc cannot handle ".." and "." in the path component very well,
     * so remove them. (Upstream marks this {@code @Restricted(NoExternalUse.class)}.)
     */
    public static String normalize(@NonNull String path) {
        StringBuilder buf = new StringBuilder();
        // Check for prefix designating absolute path
        Matcher m = ABSOLUTE_PREFIX_PATTERN.matcher(path);
        if (m.find()) {
            buf.append(m.group(1));
            path = path.substring(m.end());
        }
        boolean isAbsolute = !buf.isEmpty();
        // Split remaining path into tokens, trimming any duplicate or trailing separators
        List<String> tokens = new ArrayList<>();
        int s = 0, end = path.length();
        for (int i = 0; i < end; i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '\\') {
                tokens.add(path.substring(s, i));
                s = i;
                // Skip any extra separator chars
                //noinspection StatementWithEmptyBody
                while (++i < end && ((c = path.charAt(i)) == '/' || c == '\\'))
                    ;
                // Add token for separator unless we reached the end
                if (i < end) tokens.add(path.substring(s, s + 1));
                s = i;
            }
        }
        if (s < end) tokens.add(path.substring(s));
        // Look through tokens for "." or ".."
        for (int i = 0; i < tokens.size();) {
            String token = tokens.get(i);
            if (token.equals(".")) {
                tokens.remove(i);
                if (!tokens.isEmpty())
                    tokens.remove(i > 0 ? i - 1 : i);
            } else if (token.equals("..")) {
                if (i == 0) {
                    // If absolute path, just remove: /../something
                    // If relative path, not collapsible so leave as-is
                    tokens.remove(0);
                    if (!tokens.isEmpty()) token += tokens.remove(0);
                    if (!isAbsolute) buf.append(token);
                } else {
                    // Normalize: remove something/.. plus separator before/after
                    i -= 2;
                    for (int j = 0; j < 3; j++) tokens.remove(i);
                    if (i > 0) tokens.remove(i - 1);
                    else if (!tokens.isEmpty()) tokens.remove(0);
                }
            } else
                i += 2;
        }
        // Recombine tokens
        for (String token : tokens) buf.append(token);
        if (buf.isEmpty()) buf.append('.');
        return buf.toString();
    }

    /**
     * Checks if the remote path is Unix.
     */
    boolean isUnix() {
        // if the path represents a local path, there's no need to guess.
        if (!isRemote())
            return File.pathSeparatorChar != ';';

        // Windows absolute path is 'X:\...', so this is usually a good indication of Windows path
        if (remote.length() > 3 && remote.charAt(1) == ':' && remote.charAt(2) == '\\')
            return false;
        // Windows can handle '/' as a path separator but Unix can't,
        // so err on Unix side
        return !remote.contains("\\");
    }

    /**
     * Gets the full path of the file on the remote machine.
     */
    public String getRemote() {
        return remote;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (o == null || getClass() != o.getClass()) return false;

        FilePath that = (FilePath) o;

        if (!Objects.equals(channel, that.channel)) return false;
        return remote.equals(that.remote);

    }

    @Override
    public int hashCode() {
        return 31 * (channel != null ? channel.hashCode() : 0) + remote.hashCode();
    }

    /**
     * Code that gets executed on the machine where the {@link FilePath} is local.
     * Used to act on {@link FilePath}.
     * <strong>Warning:</strong> implementations must be serializable, so prefer a static nested class to an inner class.
     *
     * <p>
     * Subtypes would likely want to extend from {@link MasterToSlaveFileCallable}.
     */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        /**
         * Performs the computational task on the node where the data is located.
         *
         * @param f
         *      {@link File} that represents the local file that {@link FilePath} has represented.
         * @param channel
         *      The "back pointer" of the {@link hudson.remoting.Channel} that represents the communication
         *      with the node from where the code was sent.
         */
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    /**
     * Executes some program on the machine that this {@link FilePath} exists,
     * so that one can perform local file operations.
     */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        if (channel != null) {
            // run this on a remote system
            try {
                return channel.call(new FileCallableWrapper<>(callable, this));
            } catch (TunneledInterruptedException e) {
                throw (InterruptedException) new InterruptedException(e.getMessage()).initCause(e);
            }
        } else {
            // the file is on the local machine.
            return callable.invoke(new File(remote), localChannel);
        }
    }

    /**
     * Executes some program on the machine that this {@link FilePath} exists,
     * so that one can perform local file operations.
     */
    public <V, E extends Throwable> V act(Callable<V, E> callable) throws IOException, InterruptedException, E {
        if (channel != null) {
            // run this on a remote system
            return channel.call(callable);
        } else {
            // the file is on the local machine
            return callable.call();
        }
    }

    /**
     * If this {@link FilePath} represents a file on a particular {@link Computer}, return it.
     * Otherwise null. (Always null here: there is no Jenkins instance in the stand-in world.)
     */
    public @CheckForNull Computer toComputer() {
        Jenkins j = Jenkins.getInstanceOrNull();
        if (j != null) {
            for (Computer c : j.getComputers()) {
                if (getChannel() == c.getChannel()) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Creates this directory.
     */
    public void mkdirs() throws IOException, InterruptedException {
        if (!act(new Mkdirs())) {
            throw new IOException("Failed to mkdirs: " + remote);
        }
    }

    private static class Mkdirs extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean invoke(File f, VirtualChannel channel) throws IOException, InterruptedException {
            if (mkdirs(f) || f.exists())
                return true;    // OK

            // following Ant <mkdir> task to avoid possible race condition.
            Thread.sleep(10);

            return mkdirs(f) || f.exists();
        }
    }

    /**
     * Deletes this directory, including all its contents recursively.
     */
    public void deleteRecursive() throws IOException, InterruptedException {
        act(new DeleteRecursive());
    }

    private static class DeleteRecursive extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            Util.deleteRecursive(f);
            return null;
        }
    }

    /**
     * Gets the file name portion except the extension.
     */
    public String getBaseName() {
        String n = getName();
        int idx = n.lastIndexOf('.');
        if (idx < 0)  return n;
        return n.substring(0, idx);
    }

    /**
     * Gets just the file name portion without directories.
     */
    public String getName() {
        String r = remote;
        if (r.endsWith("\\") || r.endsWith("/"))
            r = r.substring(0, r.length() - 1);

        int len = r.length() - 1;
        while (len >= 0) {
            char ch = r.charAt(len);
            if (ch == '\\' || ch == '/')
                break;
            len--;
        }

        return r.substring(len + 1);
    }

    /**
     * Short for {@code getParent().child(rel)}. Useful for getting other files in the same directory.
     */
    @CheckForNull
    public FilePath sibling(String rel) {
        FilePath parent = getParent();
        return parent != null ? parent.child(rel) : null;
    }

    /**
     * The same as {@link FilePath#FilePath(FilePath,String)} but more OO.
     * @param relOrAbsolute a relative or absolute path
     * @return a file on the same channel
     */
    public @NonNull FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    /**
     * Gets the parent file.
     * @return parent FilePath or null if there is no parent
     */
    @CheckForNull
    public FilePath getParent() {
        int i = remote.length() - 2;
        for (; i >= 0; i--) {
            char ch = remote.charAt(i);
            if (ch == '\\' || ch == '/')
                break;
        }

        return i >= 0 ? new FilePath(channel, remote.substring(0, i + 1)) : null;
    }

    /**
     * Creates a temporary directory inside the directory represented by 'this'
     *
     * @param prefix
     *      The prefix string to be used in generating the directory's name;
     *      must be at least three characters long.
     * @param suffix
     *      The suffix string to be used in generating the directory's name; may be null,
     *      in which case the suffix ".tmp" will be used
     * @return
     *      The new FilePath pointing to the temporary directory
     * @since 1.311
     */
    public FilePath createTempDir(final String prefix, final String suffix) throws IOException, InterruptedException {
        try {
            String[] s;
            if (suffix == null || suffix.isBlank()) {
                s = new String[]{prefix, "tmp"}; // see File.createTempFile - tmp is used if suffix is null
            } else {
                s = new String[]{prefix, suffix};
            }
            String name = String.join(".", s);
            return new FilePath(this, act(new CreateTempDir(name)));
        } catch (IOException e) {
            throw new IOException("Failed to create a temp directory on " + remote, e);
        }
    }

    private static class CreateTempDir extends MasterToSlaveFileCallable<String> {
        private final String name;

        CreateTempDir(String name) {
            this.name = name;
        }

        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File dir, VirtualChannel channel) throws IOException {

            Path tempPath;
            final boolean isPosix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

            if (isPosix) {
                tempPath = Files.createTempDirectory(Util.fileToPath(dir), name,
                        PosixFilePermissions.asFileAttribute(EnumSet.allOf(PosixFilePermission.class)));
            } else {
                tempPath = Files.createTempDirectory(Util.fileToPath(dir), name);
            }

            if (tempPath.toFile() == null) {
                throw new IOException("Failed to obtain file from path " + dir);
            }
            return tempPath.toFile().getName();
        }
    }

    /**
     * Deletes this file.
     * @throws IOException if it exists but could not be successfully deleted
     * @return true, for a modicum of compatibility
     */
    public boolean delete() throws IOException, InterruptedException {
        act(new Delete());
        return true;
    }

    private static class Delete extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            Util.deleteFile(f);
            return null;
        }
    }

    /**
     * Checks if the file exists.
     */
    public boolean exists() throws IOException, InterruptedException {
        return act(new Exists());
    }

    private static class Exists extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean invoke(File f, VirtualChannel channel) throws IOException {
            return f.exists();
        }
    }

    /**
     * Gets the last modified time stamp of this file, by using the clock
     * of the machine where this file actually resides.
     */
    public long lastModified() throws IOException, InterruptedException {
        return act(new LastModified());
    }

    private static class LastModified extends MasterToSlaveFileCallable<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long invoke(File f, VirtualChannel channel) throws IOException {
            return f.lastModified();
        }
    }

    /**
     * Checks if the file is a directory.
     */
    public boolean isDirectory() throws IOException, InterruptedException {
        return act(new IsDirectory());
    }

    private static class IsDirectory extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean invoke(File f, VirtualChannel channel) throws IOException {
            return f.isDirectory();
        }
    }

    /**
     * Returns the file size in bytes.
     */
    public long length() throws IOException, InterruptedException {
        return act(new Length());
    }

    private static class Length extends MasterToSlaveFileCallable<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long invoke(File f, VirtualChannel channel) throws IOException {
            return f.length();
        }
    }

    /**
     * List up files and directories in this directory.
     *
     * <p>
     * This method returns direct children of the directory denoted by the 'this' object.
     */
    @NonNull
    public List<FilePath> list() throws IOException, InterruptedException {
        return act(new ListAll());
    }

    /** Upstream's {@code ListFilter} with a null filter. */
    private static class ListAll extends MasterToSlaveFileCallable<List<FilePath>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<FilePath> invoke(File f, VirtualChannel channel) throws IOException {
            File[] children = f.listFiles();
            if (children == null) {
                return Collections.emptyList();
            }

            ArrayList<FilePath> r = new ArrayList<>(children.length);
            for (File child : children)
                r.add(new FilePath(child));

            return r;
        }
    }

    /**
     * Reads this file. (Local paths only in the stand-in.)
     */
    public InputStream read() throws IOException, InterruptedException {
        if (channel == null) {
            return Files.newInputStream(fileToPath(new File(remote)));
        }
        throw new UnsupportedOperationException("stand-in: read() of a remote FilePath");
    }

    /**
     * Reads this file into a string, by using the current system encoding on the remote machine.
     */
    public String readToString() throws IOException, InterruptedException {
        return act(new ReadToString());
    }

    private static class ReadToString extends MasterToSlaveFileCallable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String invoke(File f, VirtualChannel channel) throws IOException, InterruptedException {
            return Files.readString(fileToPath(f), Charset.defaultCharset());
        }
    }

    /**
     * Writes to this file.
     * If this file already exists, it will be overwritten.
     * If the directory doesn't exist, it will be created.
     * (Local paths only in the stand-in.)
     */
    public OutputStream write() throws IOException, InterruptedException {
        if (channel == null) {
            File f = new File(remote).getAbsoluteFile();
            mkdirs(f.getParentFile());
            return Files.newOutputStream(fileToPath(f));
        }
        throw new UnsupportedOperationException("stand-in: write() of a remote FilePath");
    }

    /**
     * Overwrites this file by placing the given String as the content.
     *
     * @param encoding
     *      Null to use the platform default encoding on the remote machine.
     * @since 1.105
     */
    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        act(new Write(encoding, content));
    }

    private static class Write extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final String encoding;
        private final String content;

        Write(String encoding, String content) {
            this.encoding = encoding;
            this.content = content;
        }

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            mkdirs(f.getParentFile());
            try (OutputStream fos = Files.newOutputStream(fileToPath(f));
                    Writer w = encoding != null ? new OutputStreamWriter(fos, encoding) : new OutputStreamWriter(fos, Charset.defaultCharset())) {
                w.write(content);
            }
            return null;
        }
    }

    /**
     * Rename this file/directory to the target filepath.  This FilePath and the target must
     * be on the same host
     */
    public void renameTo(final FilePath target) throws IOException, InterruptedException {
        if (this.channel != target.channel) {
            throw new IOException("renameTo target must be on the same host");
        }
        act(new RenameTo(target));
    }

    private static class RenameTo extends MasterToSlaveFileCallable<Void> {
        private final FilePath target;

        RenameTo(FilePath target) {
            this.target = target;
        }

        private static final long serialVersionUID = 1L;

        @Override
        public Void invoke(File f, VirtualChannel channel) throws IOException {
            Files.move(fileToPath(f), fileToPath(new File(target.remote)), LinkOption.NOFOLLOW_LINKS);
            return null;
        }
    }

    /**
     * @deprecated Returns {@link #getRemote}; upstream deprecates it to discourage relying on it.
     */
    @Deprecated @Override
    public String toString() {
        // to make writing JSPs easily, return local
        return remote;
    }

    /**
     * {@link FilePath#localChannel} when local, otherwise the channel to the remote machine.
     */
    public VirtualChannel getChannel() {
        if (channel != null)   return channel;
        else                return localChannel;
    }

    /**
     * Returns true if this {@link FilePath} represents a remote file.
     */
    public boolean isRemote() {
        return channel != null;
    }

    /**
     * Adapts {@link FileCallable} to {@link Callable} (upstream: a {@code DelegatingCallable}).
     */
    private static class FileCallableWrapper<T> implements Callable<T, IOException> {
        private final FileCallable<T> callable;
        private final FilePath filePath;

        FileCallableWrapper(FileCallable<T> callable, FilePath filePath) {
            this.callable = callable;
            this.filePath = filePath;
        }

        @Override
        public T call() throws IOException {
            try {
                return callable.invoke(new File(filePath.remote), filePath.channel);
            } catch (InterruptedException e) {
                throw new TunneledInterruptedException(e);
            }
        }

        @Override
        public void checkRoles(RoleChecker checker) throws SecurityException {
            callable.checkRoles(checker);
        }

        @Override
        public String toString() {
            return callable.toString();
        }

        private static final long serialVersionUID = 1L;
    }

    /**
     * Used to tunnel {@link InterruptedException} over a Java signature that only allows {@link IOException}
     */
    private static class TunneledInterruptedException extends IOException {
        private TunneledInterruptedException(InterruptedException cause) {
            super(cause);
        }

        private static final long serialVersionUID = 1L;
    }

    private static final ExecutorService threadPoolForRemoting = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "FilePath.localPool");
        t.setDaemon(true);
        return t;
    });

    /**
     * Channel to the current instance.
     */
    @NonNull
    public static final LocalChannel localChannel = new LocalChannel(threadPoolForRemoting);

    private static boolean mkdirs(File dir) throws IOException {
        if (dir.exists())   return false;
        Files.createDirectories(fileToPath(dir));
        return true;
    }

    private static final long serialVersionUID = 1L;
}

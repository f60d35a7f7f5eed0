// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public final class FilePath {
    public FilePath(VirtualChannel channel, String remote) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("stand-in");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in");
    }

    public FilePath sibling(String rel) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public FilePath createTempDir(String prefix, String suffix) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public interface FileCallable<T> extends Serializable {
        public abstract T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}

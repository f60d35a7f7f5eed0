// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;

public interface VirtualChannel {
    public abstract <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    public abstract <V, T extends Throwable> Future<V> callAsync(final Callable<V, T> callable) throws IOException;

    public abstract <T> T export(Class<T> type, @CheckForNull T instance);
}

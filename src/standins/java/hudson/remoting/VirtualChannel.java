// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.remoting;

import java.io.IOException;

public interface VirtualChannel {
    public abstract <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;
}

// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.remoting;

import java.io.Serializable;

public interface Callable<V, T extends Throwable> extends Serializable {
    public abstract V call() throws T;
}

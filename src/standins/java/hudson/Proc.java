// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import java.io.IOException;

public abstract class Proc {
    Proc() {
    }

    public abstract boolean isAlive() throws IOException, InterruptedException;

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;
}

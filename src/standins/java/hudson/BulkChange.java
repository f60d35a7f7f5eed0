// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import hudson.model.Saveable;
import java.io.Closeable;
import java.io.IOException;

// The least the unit tests need: a per-thread stack of open changes, and one save on commit.
public class BulkChange implements Closeable {
    private static final ThreadLocal<BulkChange> OPEN = new ThreadLocal<>();

    private final Saveable target;
    private final BulkChange outer;
    private boolean open = true;

    public BulkChange(Saveable saveable) {
        target = saveable;
        outer = OPEN.get();
        OPEN.set(this);
    }

    public void commit() throws IOException {
        if (open) {
            end();
            target.save();
        }
    }

    @Override
    public void close() {
        if (open) {
            end();
        }
    }

    private void end() {
        open = false;
        OPEN.set(outer);
    }

    public static boolean contains(Saveable s) {
        for (BulkChange b = OPEN.get(); b != null; b = b.outer) {
            if (b.target == s) {
                return true;
            }
        }
        return false;
    }
}

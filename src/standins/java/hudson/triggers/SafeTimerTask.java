// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson.triggers;

import java.util.TimerTask;

public abstract class SafeTimerTask extends TimerTask {
    @Override
    public final void run() {
        throw new UnsupportedOperationException("stand-in");
    }

    protected abstract void doRun() throws Exception;
}

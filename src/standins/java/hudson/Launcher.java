// Stand-in: signatures only, written for rust-cargo (docs/standins.md).
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {
    Launcher() {
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final class ProcStarter {
        private ProcStarter() {
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter stderr(OutputStream err) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("stand-in");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}

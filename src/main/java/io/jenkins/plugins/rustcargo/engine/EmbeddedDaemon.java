package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent local buildkitd used when nothing else is configured. Its state directory
 * (cache mounts included) survives between runs; its pid is recorded there so later runs reuse
 * it. A lock file serialises concurrent starters (parallel stages on one agent).
 */
final class EmbeddedDaemon {
    static final String STATE_VAR = "RUSTCARGO_STATE_DIR";
    static final String MIRROR_VAR = "RUSTCARGO_REGISTRY_MIRROR";
    /** A healthy buildkitd answers within a second or two of starting; unreachable is reported within 10 s. */
    static final long START_TIMEOUT_MS = 8_000;

    // Runs on the build host with fixed text; every value arrives as a positional parameter.
    // Exit 3: no buildkitd executable; exit 4: it exited at once (its log says why).
    private static final String START_SCRIPT = String.join("\n",
            "set -eu",
            "state=$1; shift",
            "mkdir -p \"$state\"",
            "exec 9>\"$state/start.lock\"",
            "flock 9",
            "if [ -f \"$state/buildkitd.pid\" ] && kill -0 \"$(cat \"$state/buildkitd.pid\")\" 2>/dev/null; then",
            "  echo \"running $(cat \"$state/buildkitd.pid\")\"; exit 0",
            "fi",
            "command -v \"$1\" >/dev/null 2>&1 || { echo \"missing $1\"; exit 3; }",
            "setsid \"$@\" >>\"$state/buildkitd.log\" 2>&1 </dev/null &",
            "pid=$!",
            "echo $pid >\"$state/buildkitd.pid\"",
            "sleep 0.3",
            "kill -0 $pid 2>/dev/null || { rm -f \"$state/buildkitd.pid\"; echo \"exited $pid\"; exit 4; }",
            "echo \"started $pid\"");

    private final BuildHost host;
    private final BuildLog log;
    private final Map<String, String> hostEnv;

    EmbeddedDaemon(BuildHost host, BuildLog log, Map<String, String> hostEnv) {
        this.host = host;
        this.log = log;
        this.hostEnv = hostEnv;
    }

    String stateDir() throws DaemonUnavailableException {
        String explicit = hostEnv.get(STATE_VAR);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String home = hostEnv.get("HOME");
        if (home == null || home.isBlank()) {
            throw new DaemonUnavailableException("no BuildKit address is configured and HOME is not set, so the embedded daemon has no state directory: set "
                    + STATE_VAR + " or pass an address");
        }
        return home + "/.local/state/rustcargo/buildkitd";
    }

    BuildkitAddress address() throws RustCargoException {
        return BuildkitAddress.of("unix://" + stateDir() + "/buildkitd.sock");
    }

    /** The daemon's address if it runs now (pid file present and answering); never starts it. */
    Optional<BuildkitAddress> runningAddress() throws IOException, InterruptedException, RustCargoException {
        String state;
        try {
            state = stateDir();
        } catch (DaemonUnavailableException e) {
            return Optional.empty(); // no HOME and no state dir: there cannot be a running one
        }
        BuildkitAddress address = address();
        if (host.exists(state + "/buildkitd.pid") && new DaemonLocator(host, log).probe(address, hostEnv) == null) {
            return Optional.of(address);
        }
        return Optional.empty();
    }

    BuildkitAddress ensureRunning() throws IOException, InterruptedException, RustCargoException {
        String state = stateDir();
        BuildkitAddress address = address();
        DaemonLocator locator = new DaemonLocator(host, log);
        Optional<BuildkitAddress> running = runningAddress();
        if (running.isPresent()) {
            return running.get();
        }
        host.writeFile(state + "/buildkitd.toml", config().getBytes(StandardCharsets.UTF_8), false);
        List<String> argv = List.of("/bin/sh", "-c", START_SCRIPT, "rustcargo-start-buildkitd", state,
                BuildkitTools.buildkitd(hostEnv), "--root", state + "/root", "--addr", address.addr(),
                "--config", state + "/buildkitd.toml");
        // The start script forks buildkitd, which inherits its environment: marking the script as
        // outliving the build keeps Jenkins from killing the daemon when node {} ends.
        ShortCommand.Result r = ShortCommand.run(host, argv, hostEnv, 60, true);
        String buildkitd = BuildkitTools.buildkitd(hostEnv);
        if (r.exitCode() == 3) {
            throw new DaemonUnavailableException("no BuildKit daemon is configured and the embedded one cannot start: buildkitd"
                    + " was not found (" + buildkitd + "); install BuildKit (buildkitd and runc, docs/agent-setup.md),"
                    + " set " + BuildkitTools.BIN_DIR_VAR + ", or pass a BuildKit address");
        }
        if (r.exitCode() == 4) {
            throw new DaemonUnavailableException("the embedded buildkitd exited right after starting (" + lastLogLine(state, null)
                    + "); see " + state + "/buildkitd.log");
        }
        if (r.exitCode() != 0) {
            throw new DaemonUnavailableException("could not start the embedded buildkitd (" + BuildkitErrors.clean(r.stderrText())
                    + "); install buildkitd and runc (docs/agent-setup.md) or pass a BuildKit address");
        }
        boolean started = String.join(" ", r.stdout()).startsWith("started");
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String problem = null;
        while (System.currentTimeMillis() < deadline) {
            problem = locator.probe(address, hostEnv);
            if (problem == null) {
                if (started) {
                    // only now: the daemon answers, so the line is true
                    log.info("started the embedded BuildKit daemon at " + address.addr() + " (state in " + state + ")");
                }
                return address;
            }
            Thread.sleep(250);
        }
        throw new DaemonUnavailableException("the embedded buildkitd did not answer within " + START_TIMEOUT_MS / 1000 + " s ("
                + lastLogLine(state, problem) + "); see " + state + "/buildkitd.log");
    }

    private String lastLogLine(String state, String fallback) throws IOException, InterruptedException {
        String daemonLog = host.readFile(state + "/buildkitd.log");
        return BuildkitErrors.clean(daemonLog == null || daemonLog.isBlank() ? fallback : lastLine(daemonLog));
    }

    private String config() {
        StringBuilder toml = new StringBuilder("# Written by rust-cargo for its embedded daemon.\n");
        String mirror = hostEnv.get(MIRROR_VAR);
        if (mirror != null && !mirror.isBlank()) {
            toml.append("[registry.\"docker.io\"]\n  mirrors = [\"").append(mirror).append("\"]\n");
            toml.append("[registry.\"").append(mirror).append("\"]\n  http = true\n");
        }
        return toml.toString();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}

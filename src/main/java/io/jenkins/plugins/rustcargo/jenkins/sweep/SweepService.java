package io.jenkins.plugins.rustcargo.jenkins.sweep;

import io.jenkins.plugins.rustcargo.jenkins.agent.AgentBuildHost;
import jenkins.YesNoMaybe;
import hudson.EnvVars;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.TaskListener;
import io.jenkins.plugins.rustcargo.engine.BuildLog;
import io.jenkins.plugins.rustcargo.engine.CacheSweeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * Where the live Jenkins meets the sweep logic: reads the nodes, runs sweeps and inventories on
 * their daemons through a small thread pool of its own, and keeps the sweep history and the
 * schedule cursor under JENKINS_HOME.
 */
@Extension(dynamicLoadable = YesNoMaybe.YES)
public final class SweepService {
    static final String HISTORY_FILE = "io.jenkins.plugins.rustcargo.sweep-history.json";
    static final String CURSOR_FILE = "io.jenkins.plugins.rustcargo.sweep-cursor.txt";
    /** How the built-in node (whose computer name is "") appears in the history and on the page. */
    public static final String BUILT_IN = "(built-in)";
    private static final Logger LOGGER = Logger.getLogger(SweepService.class.getName());

    /** Sweeps and cache listings at once, on all agents together; the rest wait their turn. */
    static final int THREADS = 4;

    /** The cache page waits at most this long for one agent's {@code buildctl du}. */
    static final long LISTING_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);
    /** A listing older than this is redone in the background when the page is viewed. */
    static final long LISTING_MAX_AGE_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, new DaemonThreads("rust-cargo sweep"));
    // Listings have their own threads, so the page is not held up behind long sweeps.
    private final ExecutorService listings = Executors.newFixedThreadPool(THREADS, new DaemonThreads("rust-cargo cache listing"));
    private InventoryCache inventories;
    private final DaemonGuard guard = new DaemonGuard(System::currentTimeMillis);
    private SweepHistory history;
    private SweepDispatcher dispatcher;

    public static SweepService get() {
        return ExtensionList.lookupSingleton(SweepService.class);
    }

    public synchronized SweepHistory history() {
        if (history == null) {
            history = new SweepHistory(rootDir().resolve(HISTORY_FILE));
        }
        return history;
    }

    public synchronized SweepDispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = new SweepDispatcher(executor, history(), System::currentTimeMillis);
        }
        return dispatcher;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The cache page's listings of each agent's cache mounts; per-agent timeouts run on Jenkins' timer. */
    public synchronized InventoryCache inventories() {
        if (inventories == null) {
            inventories = new InventoryCache(agent -> daemonOf(agent).caches(), listings, Timer.get(), LISTING_TIMEOUT_MILLIS,
                    LISTING_MAX_AGE_MILLIS, System::currentTimeMillis);
        }
        return inventories;
    }

    /** The node name as history and page show it: "" (the built-in node) becomes "(built-in)". */
    static String agentKey(String computerName) {
        return computerName == null || computerName.isEmpty() ? BUILT_IN : computerName;
    }

    /** What schedule matching needs to know about every node. */
    public List<ScheduleMatcher.Agent> agents() {
        List<ScheduleMatcher.Agent> agents = new ArrayList<>();
        for (Computer c : Jenkins.get().getComputers()) {
            Node node = c.getNode();
            if (node == null) {
                continue; // removed while its computer winds down
            }
            Set<String> labels = new TreeSet<>();
            for (Label l : node.getAssignedLabels()) {
                labels.add(l.getName());
            }
            agents.add(new ScheduleMatcher.Agent(agentKey(c.getName()), c.isOnline(), labels));
        }
        return agents;
    }

    /**
     * Starts (or queues) a sweep of one agent's daemon.
     *
     * @param requestedAt the same for every agent of one schedule tick or one click, so agents
     *     sharing a daemon sweep it once ({@link DaemonGuard})
     */
    public SweepDispatcher.Outcome sweep(String agent, CacheSweeper.Settings settings, String trigger, long requestedAt) {
        return dispatcher().submit(agent, trigger, () -> {
            long start = System.currentTimeMillis();
            try {
                return daemonOf(agent).sweep(settings, trigger, requestedAt);
            } catch (IOException e) {
                return SweepRecord.failed(agent, start, trigger, "", System.currentTimeMillis() - start, String.valueOf(e.getMessage()));
            }
        });
    }

    /** The daemon of an online agent, reached through the agent's own root path and launcher. */
    AgentDaemon daemonOf(String agent) throws IOException, InterruptedException {
        Computer computer = null;
        for (Computer c : Jenkins.get().getComputers()) {
            if (agentKey(c.getName()).equals(agent)) {
                computer = c;
            }
        }
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null || computer.isOffline() ? null : node.getRootPath();
        if (root == null) {
            throw new IOException("agent " + agent + " is offline or no longer exists");
        }
        // The agent JVM's environment plus the node properties' variables, as a build sees them.
        EnvVars env = computer.getEnvironment();
        env.overrideAll(computer.buildEnvironment(TaskListener.NULL));
        AgentBuildHost host = AgentBuildHost.forMaintenance(root.child(AgentDaemon.TMP_DIR), node.createLauncher(TaskListener.NULL));
        return new AgentDaemon(agent, host, env, SweepSettings.get(), guard, new LoggerBuildLog(agent),
                System::currentTimeMillis);
    }

    /** The persisted schedule cursor: the next minute to check, or {@code now} when there is none. */
    long loadCursor(long now) {
        try {
            Path f = rootDir().resolve(CURSOR_FILE);
            return Files.exists(f) ? Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim()) : now;
        } catch (IOException | NumberFormatException e) {
            LOGGER.log(Level.WARNING, "rust-cargo: cannot read the sweep schedule cursor; starting from now", e);
            return now;
        }
    }

    void saveCursor(long nextMinute) {
        try {
            Files.writeString(rootDir().resolve(CURSOR_FILE), Long.toString(nextMinute), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "rust-cargo: cannot save the sweep schedule cursor", e);
        }
    }

    private static Path rootDir() {
        return Jenkins.get().getRootDir().toPath();
    }

    /** Sweep output goes to the Jenkins log; the history keeps the totals and errors. */
    private static final class LoggerBuildLog implements BuildLog {
        private final String agent;

        LoggerBuildLog(String agent) {
            this.agent = agent;
        }

        @Override
        public void output(String line) {
            LOGGER.log(Level.FINE, "rust-cargo sweep on {0}: {1}", new Object[] {agent, line});
        }

        @Override
        public void info(String line) {
            LOGGER.log(Level.INFO, "rust-cargo sweep on {0}: {1}", new Object[] {agent, line});
        }

        @Override
        public void warn(String line) {
            LOGGER.log(Level.WARNING, "rust-cargo sweep on {0}: {1}", new Object[] {agent, line});
        }
    }

    /** Daemon threads, so a sweep in progress never holds up a Jenkins shutdown. */
    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final String name;
        private final AtomicInteger count = new AtomicInteger();

        DaemonThreads(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, name + " #" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}

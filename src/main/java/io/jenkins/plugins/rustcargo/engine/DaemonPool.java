package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Several BuildKit daemons sharing the builds, with cache-affine routing: a build goes to the
 * daemon that ranks first for its (namespace, cache key) under rendezvous hashing, so the same
 * job always lands on the same daemon (where its target cache is warm), and adding or removing a
 * daemon moves only the keys that rank it first. A daemon that does not answer is skipped for
 * the next one in the key's order.
 */
public final class DaemonPool {
    private final List<BuildkitAddress> daemons;

    public DaemonPool(List<BuildkitAddress> daemons) {
        this.daemons = List.copyOf(daemons);
    }

    public List<BuildkitAddress> daemons() {
        return daemons;
    }

    /** The daemon a build picked, and a note on why it is not the first choice (or null). */
    public record Choice(BuildkitAddress address, String note) {
        /** The line the build prints, e.g. {@code daemon: tcp://b:1234 (first choice tcp://a:1234 unreachable)}. */
        public String describe() {
            return "daemon: " + address.addr() + (note == null ? "" : " (" + note + ")");
        }
    }

    /** All daemons, best first, for this namespace and cache key. */
    public List<BuildkitAddress> rank(String namespace, String cacheKey) {
        List<BuildkitAddress> ranked = new ArrayList<>(daemons);
        ranked.sort(Comparator.comparingLong((BuildkitAddress d) -> score(d, namespace, cacheKey)).reversed()
                .thenComparing(BuildkitAddress::addr));
        return ranked;
    }

    /**
     * The first daemon in the key's order that answers buildctl within the probe time.
     *
     * @throws DaemonUnavailableException when none does, naming each one and why
     */
    Choice choose(DaemonLocator locator, String namespace, String cacheKey, Map<String, String> hostEnv)
            throws IOException, InterruptedException, DaemonUnavailableException {
        List<BuildkitAddress> ranked = rank(namespace, cacheKey);
        List<String> down = new ArrayList<>();
        for (BuildkitAddress candidate : ranked) {
            String problem = locator.probe(candidate, hostEnv);
            if (problem == null) {
                String skipped = String.join(", ", ranked.subList(0, down.size()).stream().map(BuildkitAddress::addr).toList());
                String note = down.isEmpty() ? null
                        : (down.size() == 1 ? "first choice " : "first choices ") + skipped + " unreachable";
                return new Choice(candidate, note);
            }
            down.add(candidate.addr() + " (" + BuildkitErrors.clean(problem) + ")");
        }
        throw new DaemonUnavailableException("no BuildKit daemon of the pool is reachable: " + String.join("; ", down)
                + "; see docs/daemons.md");
    }

    /** The rendezvous weight: the first 8 bytes of SHA-256 over the key and the daemon, stable across JVMs. */
    static long score(BuildkitAddress daemon, String namespace, String cacheKey) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest((namespace + "\n" + cacheKey + "\n" + daemon.addr()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (digest[i] & 0xff);
        }
        return v;
    }
}

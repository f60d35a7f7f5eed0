package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lists the daemon's cache mounts with {@code buildctl du --format json}. */
public final class CacheInventory {
    private static final Pattern ID_IN_DESCRIPTION = Pattern.compile("with id \"/?([^\"]+)\"");

    private final BuildHost host;

    public CacheInventory(BuildHost host) {
        this.host = host;
    }

    public List<CacheMount> list(BuildkitAddress daemon, Map<String, String> hostEnv)
            throws IOException, InterruptedException, RustCargoException {
        // du has no deadline of its own worth the name (buildctl waits 20 s for a silent port)
        String problem = new DaemonLocator(host, BuildLog.DISCARD).probe(daemon, hostEnv);
        if (problem != null) {
            throw DaemonLocator.unreachable(daemon, problem);
        }
        List<String> argv = new ArrayList<>();
        argv.add(BuildkitTools.buildctl(hostEnv));
        argv.addAll(daemon.buildctlFlags());
        argv.addAll(List.of("du", "--filter", "type==exec.cachemount", "--format", "json"));
        ShortCommand.Result r = ShortCommand.run(host, argv, hostEnv, 60);
        if (r.exitCode() != 0) {
            throw DaemonLocator.unreachable(daemon, r.exitCode() == -1 ? "no answer within 60 s" : r.stderrText());
        }
        return parse(String.join("\n", r.stdout()));
    }

    static List<CacheMount> parse(String json) {
        List<CacheMount> mounts = new ArrayList<>();
        if (json.isBlank()) {
            return mounts;
        }
        Object parsed = Json.parse(json.strip());
        if (!(parsed instanceof List)) {
            return mounts;
        }
        for (Object o : (List<?>) parsed) {
            Map<?, ?> m = (Map<?, ?>) o;
            Matcher id = ID_IN_DESCRIPTION.matcher(String.valueOf(m.get("description")));
            if (!id.find()) {
                continue;
            }
            Instant lastUsed = null;
            Object last = m.get("lastUsedAt");
            if (last != null) {
                try {
                    lastUsed = Instant.parse(last.toString());
                } catch (RuntimeException ignored) {
                    // unknown format: leave it null
                }
            }
            mounts.add(new CacheMount(id.group(1), Json.asString(m.get("id")), Json.asLong(m.get("size")), lastUsed,
                    Boolean.TRUE.equals(m.get("inUse")), (int) Json.asLong(m.get("usageCount"))));
        }
        mounts.sort(Comparator.comparing(CacheMount::cacheId));
        return mounts;
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind docs/daemons.md: the same sequence of six builds of three cache keys on
 * two real daemons, once placed by the pool's routing and once at random (seeded), counting the
 * builds that found their target cache warm (nothing compiled). Writes the table to
 * target/pool-measurement.md.
 */
class PoolRoutingMeasurementIT {
    private static final List<String> SEQUENCE = List.of("app-a", "app-b", "app-c", "app-a", "app-b", "app-c");
    private PoolDaemons daemons;

    @Test
    void routingKeepsCachesWarmWhereRandomPlacementDoesNot() throws Exception {
        daemons = new PoolDaemons(2);
        DaemonPool pool = new DaemonPool(daemons.addresses);
        Path ws = RealBuildKit.workspace("tiny");
        String routedNs = RealBuildKit.freshNamespace("routed");
        String randomNs = RealBuildKit.freshNamespace("random");
        Random random = new Random(12);
        StringBuilder table = new StringBuilder("| # | cache key | routed to | compiled | wall | random to | compiled | wall |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        int routedWarm = 0;
        int randomWarm = 0;
        for (int i = 0; i < SEQUENCE.size(); i++) {
            String key = SEQUENCE.get(i);
            RunSummary routed = build(ws, routedNs, key, daemons.addresses);
            assertEquals(pool.rank(routedNs, key).get(0).addr(), routed.daemon());
            BuildkitAddress pick = daemons.addresses.get(random.nextInt(daemons.addresses.size()));
            RunSummary placed = build(ws, randomNs, key, List.of(pick));
            routedWarm += routed.compiled() == 0 ? 1 : 0;
            randomWarm += placed.compiled() == 0 ? 1 : 0;
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %.1f s | %s | %d | %.1f s |%n", i + 1, key,
                    name(routed.daemon()), routed.compiled(), routed.wallMillis() / 1000.0, name(placed.daemon()), placed.compiled(),
                    placed.wallMillis() / 1000.0));
        }
        table.append(String.format(Locale.ROOT, "%nwarm builds: routed %d of %d, random %d of %d%n", routedWarm, SEQUENCE.size(),
                randomWarm, SEQUENCE.size()));
        Files.writeString(Paths.get("target/pool-measurement.md"), table.toString(), StandardCharsets.UTF_8);
        System.out.print(table);
        assertEquals(3, routedWarm, "with routing every repeated key is warm");
        assertTrue(randomWarm <= routedWarm, table.toString());
    }

    /** daemon 0 or daemon 1, as the table shows them (the socket paths are temporary). */
    private String name(String addr) {
        for (int i = 0; i < daemons.addresses.size(); i++) {
            if (daemons.addresses.get(i).addr().equals(addr)) {
                return "daemon " + i;
            }
        }
        return addr;
    }

    private static RunSummary build(Path ws, String ns, String key, List<BuildkitAddress> daemons) throws Exception {
        return RealBuildKit.engine(new RecordingLog(key)).run(RealBuildKit.request(ws, ns).cacheKey(key).daemons(daemons)
                .args("build -p tiny-app").build()).summary();
    }

    @AfterEach
    void stopDaemons() throws Exception {
        if (daemons != null) {
            daemons.close();
        }
    }
}

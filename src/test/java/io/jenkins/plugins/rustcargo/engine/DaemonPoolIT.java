package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cache-affine routing over two real buildkitd instances: the same key lands on the same daemon
 * every time, other keys spread, a dead first choice sends the build to the next daemon, and
 * when it comes back the key returns to it (and finds its warm cache there).
 */
class DaemonPoolIT {
    private PoolDaemons daemons;

    @Test
    void routesByCacheKeyAndFailsOverToTheNextDaemon() throws Exception {
        daemons = new PoolDaemons(2);
        String a = daemons.addresses.get(0).addr();
        String b = daemons.addresses.get(1).addr();
        String ns = RealBuildKit.freshNamespace("pool");
        DaemonPool pool = new DaemonPool(daemons.addresses);
        String onA = keyWhoseFirstChoiceIs(pool, ns, a);
        String onB = keyWhoseFirstChoiceIs(pool, ns, b);
        Path ws = RealBuildKit.workspace("tiny");

        RunSummary first = build(ws, ns, onA, new RecordingLog("a1"));
        assertEquals(a, first.daemon());
        RunSummary again = build(ws, ns, onA, new RecordingLog("a2"));
        assertEquals(a, again.daemon(), "the same key lands on the same daemon");
        assertEquals(0, again.compiled(), "and finds its target cache warm there");
        RunSummary other = build(ws, ns, onB, new RecordingLog("b1"));
        assertEquals(b, other.daemon(), "a key that ranks b first goes to b");

        daemons.stop(0);
        RecordingLog failover = new RecordingLog("failover");
        RunSummary moved = build(ws, ns, onA, failover);
        assertEquals(b, moved.daemon(), "with its first choice down, the build goes to the next daemon");
        assertTrue(failover.contains("info", "daemon: " + b + " (first choice " + a + " unreachable)"), failover.texts("info").toString());
        assertTrue(moved.toJson().contains("\"daemon\":\"" + b + "\""), moved.toJson());

        daemons.start(0);
        RecordingLog back = new RecordingLog("back");
        RunSummary returned = build(ws, ns, onA, back);
        assertEquals(a, returned.daemon(), "when the first choice is back, the key returns to it");
        assertEquals(0, returned.compiled(), "and its cache there survived the restart");
        assertTrue(back.contains("info", "daemon: " + a), back.texts("info").toString());
    }

    static String keyWhoseFirstChoiceIs(DaemonPool pool, String namespace, String addr) {
        for (int i = 0; ; i++) {
            if (pool.rank(namespace, "key-" + i).get(0).addr().equals(addr)) {
                return "key-" + i;
            }
        }
    }

    private RunSummary build(Path ws, String ns, String key, RecordingLog log) throws Exception {
        return RealBuildKit.engine(log).run(RealBuildKit.request(ws, ns).cacheKey(key).daemons(daemons.addresses)
                .args("build -p tiny-app").build()).summary();
    }

    @AfterEach
    void stopDaemons() throws Exception {
        if (daemons != null) {
            daemons.close();
        }
    }
}

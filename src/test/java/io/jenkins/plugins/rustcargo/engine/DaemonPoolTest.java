package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendezvous hashing: stable, spread, and minimal movement when the pool changes. */
class DaemonPoolTest {
    private static List<BuildkitAddress> daemons(String... addrs) throws Exception {
        List<BuildkitAddress> list = new ArrayList<>();
        for (String a : addrs) {
            list.add(BuildkitAddress.of(a));
        }
        return list;
    }

    private static String first(DaemonPool pool, String key) {
        return pool.rank("default", key).get(0).addr();
    }

    @Test
    void theSameKeyRanksTheSameWayWhateverTheOrderOfThePool() throws Exception {
        DaemonPool ab = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234"));
        DaemonPool ba = new DaemonPool(daemons("tcp://c:1234", "tcp://b:1234", "tcp://a:1234"));
        for (int i = 0; i < 50; i++) {
            assertEquals(ab.rank("default", "job-" + i), ba.rank("default", "job-" + i));
        }
    }

    @Test
    void keysSpreadOverTheDaemons() throws Exception {
        DaemonPool pool = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234"));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            counts.merge(first(pool, "job-" + i), 1, Integer::sum);
        }
        assertEquals(3, counts.size());
        counts.values().forEach(n -> assertTrue(n > 800 && n < 1200, counts.toString()));
    }

    @Test
    void theNamespaceIsPartOfTheKey() throws Exception {
        DaemonPool pool = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234"));
        int differ = 0;
        for (int i = 0; i < 300; i++) {
            if (!pool.rank("team-a", "job-" + i).equals(pool.rank("team-b", "job-" + i))) {
                differ++;
            }
        }
        assertTrue(differ > 150, differ + " of 300 keys rank differently in another namespace");
    }

    @Test
    void addingADaemonMovesOnlyTheKeysItNowWins() throws Exception {
        DaemonPool three = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234"));
        DaemonPool four = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234", "tcp://d:1234"));
        int moved = 0;
        for (int i = 0; i < 2000; i++) {
            String before = first(three, "job-" + i);
            String after = first(four, "job-" + i);
            if (!before.equals(after)) {
                assertEquals("tcp://d:1234", after, "a key may only move to the new daemon");
                moved++;
            }
        }
        assertTrue(moved > 350 && moved < 650, moved + " of 2000 keys moved (expected about a quarter)");
    }

    @Test
    void removingADaemonMovesOnlyItsKeys() throws Exception {
        DaemonPool three = new DaemonPool(daemons("tcp://a:1234", "tcp://b:1234", "tcp://c:1234"));
        DaemonPool two = new DaemonPool(daemons("tcp://a:1234", "tcp://c:1234"));
        for (int i = 0; i < 2000; i++) {
            List<BuildkitAddress> ranked = three.rank("default", "job-" + i);
            String after = first(two, "job-" + i);
            if (ranked.get(0).addr().equals("tcp://b:1234")) {
                assertEquals(ranked.get(1).addr(), after, "b's keys go to their second choice");
            } else {
                assertEquals(ranked.get(0).addr(), after, "other keys stay");
            }
        }
    }

    @Test
    void aDaemonGivenTwiceIsBadInput() throws Exception {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> CargoRequest.builder().workspace("/ws")
                .args("build").daemons(daemons("tcp://a:1234", "tcp://b:1234", "tcp://a:1234")).build());
        assertEquals("BuildKit address tcp://a:1234 is given twice", e.getMessage());
    }

    @Test
    void oneAddressIsNoPool() throws Exception {
        CargoRequest r = CargoRequest.builder().workspace("/ws").args("build").daemons(daemons("tcp://a:1234")).build();
        assertEquals("tcp://a:1234", r.daemon().addr());
        assertTrue(r.pool().isEmpty());
    }

    @Test
    void theChoiceSaysWhyItIsNotTheFirst() throws Exception {
        BuildkitAddress b = BuildkitAddress.of("tcp://b:1234");
        assertEquals("daemon: tcp://b:1234 (first choice tcp://a:1234 unreachable)",
                new DaemonPool.Choice(b, "first choice tcp://a:1234 unreachable").describe());
        assertEquals("daemon: tcp://b:1234", new DaemonPool.Choice(b, null).describe());
    }
}

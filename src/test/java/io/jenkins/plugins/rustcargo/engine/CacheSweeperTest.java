package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheSweeperTest {
    @Test
    void pruneFilterMatchesTheCacheIdOfOneNamespaceOrOfAll() {
        assertEquals("type==exec.cachemount,description~=\"with id \\\"/rustcargo/\"", CacheSweeper.pruneFilter(null));
        assertEquals("type==exec.cachemount,description~=\"with id \\\"/rustcargo/team[.]a/\"", CacheSweeper.pruneFilter("team.a"));
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {

    @TempDir
    Path tmp;

    @Test
    void twoWorkspacesWithOneNameGetTwoKeys() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a/demo"));
        Path b = Files.createDirectories(tmp.resolve("b/demo"));
        String ka = CacheKey.forWorkspace(a);
        String kb = CacheKey.forWorkspace(b);
        assertNotEquals(ka, kb);
        assertTrue(ka.matches("local-demo-[0-9a-f]{8}"), ka);
        assertEquals(ka, CacheKey.validate("key", ka));
    }

    @Test
    void twoNamesOfOneDirectoryShareOneKey() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real/demo"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertEquals(CacheKey.forWorkspace(real), CacheKey.forWorkspace(link));
        assertEquals(CacheKey.forWorkspace(real), CacheKey.forWorkspace(tmp.resolve("real/./x/../demo")));
    }

    @Test
    void awkwardNamesStayValidKeys() throws Exception {
        Path odd = Files.createDirectories(tmp.resolve("..odd name ü"));
        CacheKey.validate("key", CacheKey.forWorkspace(odd));
        CacheKey.validate("key", CacheKey.forWorkspace(Path.of("/")));
    }
}

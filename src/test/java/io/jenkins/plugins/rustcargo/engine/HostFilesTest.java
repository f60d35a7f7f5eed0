package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesRegularFilesAndReplacesOnlyRegularFiles() throws Exception {
        Path f = dir.resolve("sub/out.log");
        HostFiles.writeRegularFile(f, "one".getBytes(StandardCharsets.UTF_8), dir);
        HostFiles.writeRegularFile(f, "two".getBytes(StandardCharsets.UTF_8), dir);
        assertEquals("two", Files.readString(f));
        assertNull(HostFiles.refusal(f));
    }

    @Test
    void refusesLinksDirectoriesAndSpecialFilesLeavingNothingPartial() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside"), "keep");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path link = Files.createSymbolicLink(ws.resolve("link"), outside);
        Path sub = Files.createDirectories(ws.resolve("sub"));
        Path fifo = ws.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path linkedDir = Files.createSymbolicLink(ws.resolve("linked"), dir);
        for (Path bad : List.of(link, sub, fifo, linkedDir.resolve("x.log"))) {
            IOException e = assertThrows(IOException.class, () -> HostFiles.writeRegularFile(bad, new byte[] {1}, ws));
            assertTrue(e.getMessage().startsWith("refusing to write " + bad), e.getMessage());
        }
        assertEquals("keep", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(link));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.toString().endsWith(".partial")));
        }
        assertNull(HostFiles.readRegularFile(link), "reads do not follow links either");
    }
}

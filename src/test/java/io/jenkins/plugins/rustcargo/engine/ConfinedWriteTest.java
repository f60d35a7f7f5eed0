package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit report lands in the workspace and nowhere else, whatever links the workspace holds. */
class ConfinedWriteTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndCreatesDirectories() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        ConfinedWrite.write(ws, "target/reports/junit.xml", "<x/>".getBytes());
        assertEquals("<x/>", Files.readString(ws.resolve("target/reports/junit.xml")));
        ConfinedWrite.write(ws, "target/reports/junit.xml", "<y/>".getBytes());
        assertEquals("<y/>", Files.readString(ws.resolve("target/reports/junit.xml")), "replaced");
    }

    @Test
    void aLinkedDirectoryIsNotFollowed() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createSymbolicLink(ws.resolve("target"), outside);
        IOException e = assertThrows(IOException.class, () -> ConfinedWrite.write(ws, "target/junit.xml", new byte[0]));
        assertTrue(e.getMessage().contains("target is a symbolic link in the workspace"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("junit.xml")));
    }

    @Test
    void aLinkedFileIsReplacedNotWrittenThrough() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Files.createSymbolicLink(ws.resolve("junit.xml"), victim);
        ConfinedWrite.write(ws, "junit.xml", "<x/>".getBytes());
        assertEquals("keep", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(ws.resolve("junit.xml")));
    }

    @Test
    void pathsOutsideTheWorkspaceAreRefused() {
        assertEquals("must stay inside the workspace (no '..')", ConfinedWrite.problem("target/../../x.xml"));
        assertEquals("must be relative to the workspace", ConfinedWrite.problem("/tmp/x.xml"));
        assertNull(ConfinedWrite.problem("target/rust-cargo-junit.xml"));
    }
}

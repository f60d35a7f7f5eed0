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
class WorkspaceReportWriteTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndCreatesDirectories() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        HostFiles.writeRegularFile(ws.resolve("target/reports/junit.xml"), "<x/>".getBytes(), ws);
        assertEquals("<x/>", Files.readString(ws.resolve("target/reports/junit.xml")));
        HostFiles.writeRegularFile(ws.resolve("target/reports/junit.xml"), "<y/>".getBytes(), ws);
        assertEquals("<y/>", Files.readString(ws.resolve("target/reports/junit.xml")), "replaced");
    }

    @Test
    void aLinkedDirectoryIsNotFollowed() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createSymbolicLink(ws.resolve("target"), outside);
        IOException e = assertThrows(IOException.class, () -> HostFiles.writeRegularFile(ws.resolve("target/junit.xml"), new byte[0], ws));
        assertTrue(e.getMessage().contains("target is a symbolic link"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("junit.xml")));
    }

    @Test
    void aLinkedFileIsRefusedNotWrittenThrough() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Files.createSymbolicLink(ws.resolve("junit.xml"), victim);
        assertThrows(IOException.class, () -> HostFiles.writeRegularFile(ws.resolve("junit.xml"), "<x/>".getBytes(), ws));
        assertEquals("keep", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(ws.resolve("junit.xml")), "the link is left as it was");
    }

    @Test
    void pathsOutsideTheWorkspaceAreRefused() {
        assertEquals("must stay inside the workspace (no '..')", HostFiles.relativeProblem("target/../../x.xml"));
        assertEquals("must be relative to the workspace", HostFiles.relativeProblem("/tmp/x.xml"));
        assertNull(HostFiles.relativeProblem("target/rust-cargo-junit.xml"));
    }
}

package io.jenkins.plugins.rustcargo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.rustcargo.testing.RealBuildKit;
import io.jenkins.plugins.rustcargo.testing.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 1: nothing a build does lands outside the workspace's target/, nothing on the
 * host is deleted or written through a link (see docs/reliability.md). The hostile fixture's
 * build script plants files and links into the export location and keeps re-planting them.
 */
class ConfinementIT {
    private static final String OUTPUT = "release/[^/.]+";

    @Test
    void aBuildScriptCannotPlantFilesOrLinksIntoTarget() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        RecordingLog log = new RecordingLog("plant");
        RunSummary s = RealBuildKit.engine(log).run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("plant"))
                .args("build --release").output(OUTPUT).build()).summary();
        Path release = ws.resolve("target/release");
        assertEquals(List.of("release/hostile"), s.outputs().stream().map(RunSummary.ExportedFile::path).toList());
        for (String planted : List.of("planted", "etc-link", "late", "root-link")) {
            assertFalse(Files.exists(release.resolve(planted), LinkOption.NOFOLLOW_LINKS), planted + " reached the host");
        }
        assertTrue(s.compiled() < 999, "the planted summary was ignored");
        Path binary = release.resolve("hostile");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(binary, LinkOption.NOFOLLOW_LINKS)));
        assertEquals(Files.getOwner(ws), Files.getOwner(binary, LinkOption.NOFOLLOW_LINKS));
        assertTrue(log.contains("warn", "release/odd\\tname") && log.contains("warn", "control characters"),
                "the name with a tab is reported: " + log.texts("warn"));
    }

    @Test
    void aTargetLinkLeavingTheWorkspaceIsRefusedBeforeTheBuild() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        Path elsewhere = Files.createTempDirectory("rustcargo-elsewhere-");
        Files.createSymbolicLink(ws.resolve("target"), elsewhere);
        RecordingLog log = new RecordingLog("target-link");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RealBuildKit.engine(log)
                .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("tlink")).args("build --release").output(OUTPUT).build()));
        assertTrue(e.getMessage().contains("symbolic link (to " + elsewhere + ")"), e.getMessage());
        assertTrue(log.texts("output").isEmpty(), "nothing ran");
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void commasAndQuotesInPathsCannotRedirectTheExport() throws Exception {
        Path base = Files.createTempDirectory("rustcargo-csv-");
        Path evil = base.resolve("evil");
        Path ws = base.resolve("cm,dest=" + evil + ",\"q");
        RealBuildKit.copyTree(RealBuildKit.workspace("hostile"), ws);
        // The engine's own temp dirs get the same treatment: they hold the export destination.
        Path temps = Files.createDirectories(base.resolve("tmp,dest=" + evil + "\"x"));
        BuildHost host = new TempDirsUnder(temps);
        RunSummary s = new CargoEngine(host, new RecordingLog("csv")).run(RealBuildKit.request(ws,
                RealBuildKit.freshNamespace("csv")).args("build --release").output(OUTPUT).build()).summary();
        assertEquals(1, s.outputs().size());
        assertTrue(Files.isRegularFile(ws.resolve("target/release/hostile")));
        assertFalse(Files.exists(evil), "exported to the injected destination");
    }

    @Test
    void anOutputNamedLikeAHostDirectoryIsAnErrorNotADeletion() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        Path keep = ws.resolve("target/release/hostile/keep.txt");
        Files.createDirectories(keep.getParent());
        Files.writeString(keep, "mine");
        CargoFailedException e = assertThrows(CargoFailedException.class, () -> RealBuildKit.engine(new RecordingLog("conflict"))
                .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("conflict")).args("build --release").output(OUTPUT).build()));
        assertTrue(e.getMessage().contains("target/release/hostile is a directory on the build host; nothing was replaced"),
                e.getMessage());
        assertEquals("mine", Files.readString(keep));
    }

    @Test
    void logAndSummaryFilesAreOnlyWrittenAsRegularFiles() throws Exception {
        Path ws = RealBuildKit.workspace("hostile");
        Path outside = Files.createTempFile("rustcargo-outside-", ".txt");
        Files.writeString(outside, "untouched");
        Path link = ws.resolve("build.log");
        Files.createSymbolicLink(link, outside);
        Path dir = Files.createDirectories(ws.resolve("logdir"));
        Path fifo = ws.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createSymbolicLink(ws.resolve("inner-link"), Files.createTempDirectory("rustcargo-outside-dir-"));
        for (Path bad : List.of(link, dir, fifo, ws.resolve("inner-link/x.log"))) {
            RecordingLog log = new RecordingLog("logfile");
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RealBuildKit.engine(log)
                    .run(RealBuildKit.request(ws, RealBuildKit.freshNamespace("logfile")).args("build").logFile(bad.toString()).build()));
            assertTrue(e.getMessage().startsWith("cannot use log file " + bad), e.getMessage());
            assertTrue(log.texts("output").isEmpty(), "refused before the build");
        }
        assertEquals("untouched", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(link) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS));
        try (var files = Files.list(ws)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "nothing partial left");
        }

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = io.jenkins.plugins.rustcargo.cli.MainAccess.run(err, "-C", ws.toString(), "--summary-json", link.toString(),
                "--", "build");
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is a symbolic link"), err.toString(StandardCharsets.UTF_8));
        assertEquals("untouched", Files.readString(outside));
    }

    /** The local host, with the engine's temp dirs under a chosen directory. */
    private static final class TempDirsUnder implements BuildHost {
        private final LocalBuildHost local = new LocalBuildHost();
        private final Path root;

        TempDirsUnder(Path root) {
            this.root = root;
        }

        @Override
        public String createTempDir(String prefix) throws IOException {
            return Files.createTempDirectory(root, prefix).toString();
        }

        @Override
        public void writeFile(String path, byte[] content, boolean executable) throws IOException {
            local.writeFile(path, content, executable);
        }

        @Override
        public boolean exists(String path) {
            return local.exists(path);
        }

        @Override
        public String readFile(String path) throws IOException {
            return local.readFile(path);
        }

        @Override
        public void deleteRecursively(String path) throws IOException {
            local.deleteRecursively(path);
        }

        @Override
        public <T extends java.io.Serializable> T run(HostTask<T> task) throws IOException {
            return task.run();
        }

        @Override
        public RunningProcess start(ProcessSpec spec) throws IOException {
            return local.start(spec);
        }
    }
}

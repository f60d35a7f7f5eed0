package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The build host is this JVM's machine: used by the CLI, the pipeline harness and benchmarks. */
public final class LocalBuildHost implements BuildHost {
    /** Where temporary directories go; null: the JVM's temporary directory. */
    private final Path tempRoot;

    public LocalBuildHost() {
        this(null);
    }

    /** @param tempRoot where temporary directories go (created when missing), or null for the JVM's */
    public LocalBuildHost(Path tempRoot) {
        this.tempRoot = tempRoot;
    }

    @Override
    public String createTempDir(String prefix) throws IOException {
        if (tempRoot == null) {
            return Files.createTempDirectory(prefix).toAbsolutePath().toString();
        }
        Files.createDirectories(tempRoot);
        return Files.createTempDirectory(tempRoot, prefix).toAbsolutePath().toString();
    }

    @Override
    public void writeFile(String path, byte[] content, boolean executable) throws IOException {
        Path p = Paths.get(path);
        Files.createDirectories(p.getParent());
        // Write beside, then rename: a concurrent reader (another build's context upload) never
        // sees a half-written file.
        Path partial = Files.createTempFile(p.getParent(), "." + p.getFileName(), ".partial");
        Files.write(partial, content);
        if (executable && !partial.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + p + " executable");
        }
        Files.move(partial, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Paths.get(path));
    }

    @Override
    public String readFile(String path) throws IOException {
        Path p = Paths.get(path);
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    @Override
    public void deleteRecursively(String path) throws IOException {
        Path root = Paths.get(path);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public <T extends java.io.Serializable> T run(HostTask<T> task) throws IOException {
        return task.run();
    }

    @Override
    public RunningProcess start(ProcessSpec spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(spec.argv());
        pb.environment().putAll(spec.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = pb.start();
        Thread out = pump(process.getInputStream(), spec.stdout(), "stdout");
        Thread err = pump(process.getErrorStream(), spec.stderr(), "stderr");
        return new LocalProcess(process, out, err);
    }

    private static Thread pump(InputStream in, LineSink sink, String name) {
        Thread t = new Thread(() -> {
            try (InputStream is = in; LineSplitter splitter = new LineSplitter(sink)) {
                is.transferTo(splitter);
            } catch (IOException ignored) {
                // The process went away; what was read has been delivered.
            }
        }, "rustcargo-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static final class LocalProcess implements RunningProcess {
        private final Process process;
        private final Thread out;
        private final Thread err;

        LocalProcess(Process process, Thread out, Thread err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        @Override
        public int waitFor() throws InterruptedException {
            int code = process.waitFor();
            out.join();
            err.join();
            return code;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            if (!process.waitFor(timeout, unit)) {
                return false;
            }
            out.join(TimeUnit.SECONDS.toMillis(5));
            err.join(TimeUnit.SECONDS.toMillis(5));
            return true;
        }

        @Override
        public void terminate() {
            process.destroy();
        }

        @Override
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

package io.jenkins.plugins.rustcargo.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs one cargo command in BuildKit. This is the whole engine API: build a {@link CargoRequest},
 * call {@link #run}, get a {@link CargoResult} or a {@link RustCargoException} whose message is
 * the one line to show. Interrupting the calling thread cancels the build in the daemon.
 */
public final class CargoEngine {
    private static final long LOCK_NOTICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    private static final long CANCEL_GRACE_SECONDS = 10;
    private static final long SILENCE_BEFORE_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

    private final BuildHost host;
    private final BuildLog log;

    public CargoEngine(BuildHost host, BuildLog log) {
        this.host = host;
        this.log = log;
    }

    public CargoResult run(CargoRequest request) throws RustCargoException, IOException, InterruptedException {
        if (request.junitReport() == null) {
            return runCopied(request, log);
        }
        LibtestReport tests = new LibtestReport(log);
        CargoResult result;
        try {
            result = runCopied(request, tests);
        } catch (CargoFailedException e) {
            // Written when cargo ran and failed too (that is when the report matters most), but
            // not for bad input or an unreachable daemon, which change nothing.
            writeReport(request, tests);
            throw e;
        }
        writeReport(request, tests);
        return result;
    }

    private void writeReport(CargoRequest request, LibtestReport tests) throws IOException, InterruptedException {
        List<LibtestReport.Suite> suites = tests.suites();
        host.run(new HostFiles.Write(request.workspace() + "/" + request.junitReport(), utf8(JunitXml.write(suites)), request.workspace()));
        log.info("JUnit report " + request.junitReport() + ": " + suites.stream().mapToInt(s -> s.cases.size()).sum()
                + " tests in " + suites.size() + " test binaries");
    }

    private CargoResult runCopied(CargoRequest request, BuildLog log) throws RustCargoException, IOException, InterruptedException {
        // Masked before the copy is taken, so the log file never holds more than the console.
        SecretMask mask = SecretMask.of(request.hostEnv(), request.secretEnv());
        if (request.logFile() == null) {
            return runLogged(request, mask.wrap(log));
        }
        String refused = host.run(new HostFiles.Check(request.logFile(), request.workspace()));
        if (!refused.isEmpty()) {
            throw new InvalidRequestException("cannot use log file " + request.logFile() + ": " + refused);
        }
        OutputCopy copy = new OutputCopy(log);
        try {
            return runLogged(request, mask.wrap(copy));
        } finally {
            host.run(new HostFiles.Write(request.logFile(), copy.bytes(), request.workspace()));
        }
    }

    private CargoResult runLogged(CargoRequest request, BuildLog log) throws RustCargoException, IOException, InterruptedException {
        long started = System.nanoTime();
        if (!host.exists(request.workspace() + "/Cargo.toml")) {
            throw new InvalidRequestException("no Cargo.toml in " + request.workspace()
                    + ": run rustCargo in a cargo workspace (or pass -C DIR / dir)");
        }
        if (request.output() != null) {
            String refused = host.run(new HostFiles.CheckTarget(request.workspace()));
            if (!refused.isEmpty()) {
                throw new InvalidRequestException("cannot export outputs: " + refused);
            }
        }
        DaemonPool.Choice choice = new DaemonLocator(host, log).choose(request);
        BuildkitAddress daemon = choice.address();
        if (!request.pool().isEmpty()) {
            log.info(choice.describe());
        }
        String command = CargoArgs.render(request.argv());
        log.info(command + "  [target cache " + request.cacheKey() + (request.untrusted() ? " (untrusted)" : "")
                + ", daemon " + daemon.addr() + "]");
        String tmp = host.createTempDir("rustcargo-");
        try {
            BuildDefinition definition = new BuildDefinition(request);
            host.writeFile(tmp + "/def/Dockerfile", utf8(definition.dockerfile()), false);
            host.writeFile(tmp + "/def/Dockerfile.dockerignore", utf8(definition.dockerignore()), false);
            HelperBinaries.Staged helper = HelperBinaries.stage(host, tmp, definition.helperConfig());
            ProgressDecoder decoder = new ProgressDecoder(log);
            int code = runBuildctl(buildctlArgv(request, daemon, definition, tmp, helper), request, daemon, decoder, log);
            Map<String, Object> fileSummary = code == 0 ? readSummary(tmp) : null;
            OutputInstaller.Result installed = fileSummary != null && Json.asLong(fileSummary.get("exit_code")) == 0
                    ? installOutputs(request, tmp, log) : null;
            RunSummary summary = summarize(request, daemon, command, decoder, fileSummary, exported(installed), code,
                    System.nanoTime() - started);
            if (installed != null && installed.error() != null) {
                throw new CargoFailedException("cargo " + subcommand(request.argv()) + " succeeded but its outputs were not exported: "
                        + installed.error(), 1, summary);
            }
            return finish(request, daemon, decoder, code, fileSummary != null, summary, log);
        } finally {
            host.deleteRecursively(tmp);
        }
    }

    private int runBuildctl(List<String> argv, CargoRequest request, BuildkitAddress daemon, ProgressDecoder decoder, BuildLog log)
            throws IOException, InterruptedException, RustCargoException {
        RunningProcess p = BuildkitTools.start(host, ProcessSpec.of(argv, request.hostEnv(), log::output, decoder::acceptLine));
        long started = System.nanoTime();
        boolean lockNoticeShown = false;
        boolean probed = false;
        try {
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (!lockNoticeShown && decoder.waitingForLock(LOCK_NOTICE_NANOS)) {
                    lockNoticeShown = true;
                    log.info("waiting for target cache `" + request.cacheKey() + "` (held by another build)");
                }
                if (!probed && !decoder.heardFromDaemon() && System.nanoTime() - started > SILENCE_BEFORE_PROBE_NANOS) {
                    probed = true;
                    checkDaemonAnswers(p, daemon, request, decoder);
                }
            }
            return p.waitFor();
        } catch (InterruptedException e) {
            cancel(p, log);
            throw e;
        }
    }

    /**
     * buildctl waits 20 s for a daemon that accepts connections but never answers; a daemon that
     * answers at all sends its first status within a second. So after a short silence a probe
     * with a hard deadline decides, and an unreachable daemon is reported within 10 s.
     */
    private void checkDaemonAnswers(RunningProcess p, BuildkitAddress daemon, CargoRequest request, ProgressDecoder decoder)
            throws IOException, InterruptedException, RustCargoException {
        String problem = new DaemonLocator(host, log).probe(daemon, request.hostEnv());
        if (problem != null && !decoder.heardFromDaemon()) {
            p.kill();
            throw DaemonLocator.unreachable(daemon, problem);
        }
    }

    /** SIGTERM makes buildctl cancel the solve, which stops cargo and releases the lock. */
    private static void cancel(RunningProcess p, BuildLog log) {
        log.info("cancelling the BuildKit build");
        p.terminate();
        try {
            if (!p.waitFor(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.kill();
            }
        } catch (InterruptedException again) {
            p.kill();
            Thread.currentThread().interrupt();
        }
    }

    List<String> buildctlArgv(CargoRequest request, BuildkitAddress daemon, BuildDefinition def, String tmp,
            HelperBinaries.Staged helper) {
        List<String> argv = new ArrayList<>();
        argv.add(BuildkitTools.buildctl(request.hostEnv()));
        argv.addAll(daemon.buildctlFlags());
        argv.addAll(List.of("build", "--progress", "rawjson", "--frontend", "dockerfile.v0"));
        argv.addAll(List.of("--local", "context=" + request.workspace()));
        argv.addAll(List.of("--local", "dockerfile=" + tmp + "/def"));
        argv.addAll(HelperBinaries.buildctlFlags(helper));
        argv.addAll(List.of("--opt", "target=" + def.stage()));
        argv.addAll(List.of("--opt", "build-arg:RUSTCARGO_INVOCATION=" + UUID.randomUUID()));
        for (Map.Entry<String, String> e : request.cargoEnv().entrySet()) {
            argv.addAll(List.of("--opt", "build-arg:" + e.getKey() + "=" + e.getValue()));
        }
        for (String secret : request.secretEnv()) {
            argv.addAll(List.of("--secret", "id=" + secret + ",env=" + secret));
        }
        if (request.network() == BuildNetwork.HOST) {
            // The entitlement must also be allowed by the daemon (insecure-entitlements).
            argv.addAll(List.of("--allow", "network.host"));
        }
        // Never straight into the workspace: into a fresh private dir, from where OutputInstaller
        // takes only what it should.
        argv.addAll(List.of("--output", BuildctlCsv.record(List.of("type=local", "dest=" + exportDir(tmp)))));
        return argv;
    }

    /** The helper's summary, exported as a file (so no log limit can lose it), or null. */
    private Map<String, Object> readSummary(String tmp) throws IOException, InterruptedException {
        String text = host.run(new HostFiles.Read(exportDir(tmp) + "/" + BuildDefinition.SUMMARY_FILE));
        try {
            return text == null ? null : Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Moves the exported outputs into the workspace's target/ (see {@link OutputInstaller}); null without output. */
    private OutputInstaller.Result installOutputs(CargoRequest request, String tmp, BuildLog log)
            throws IOException, InterruptedException {
        if (request.output() == null) {
            return null;
        }
        OutputInstaller.Result r = host.run(new OutputInstaller(exportDir(tmp) + "/" + BuildDefinition.FILES_DIR,
                request.workspace(), request.output()));
        r.warnings().forEach(log::warn);
        return r;
    }

    private static List<RunSummary.ExportedFile> exported(OutputInstaller.Result r) {
        List<RunSummary.ExportedFile> outputs = new ArrayList<>();
        for (int i = 0; r != null && i < r.paths().size(); i++) {
            outputs.add(new RunSummary.ExportedFile(r.paths().get(i), r.sizes().get(i)));
        }
        return outputs;
    }

    /** A fresh directory inside the build's private temp dir: the only place BuildKit exports to. */
    private static String exportDir(String tmp) {
        return tmp + "/export";
    }

    private RunSummary summarize(CargoRequest request, BuildkitAddress daemon, String command, ProgressDecoder decoder,
            Map<String, Object> fileSummary,
            List<RunSummary.ExportedFile> outputs, int buildctlCode, long nanos) {
        Map<String, Object> s = fileSummary != null ? fileSummary : decoder.summaryEvent();
        @SuppressWarnings("unchecked")
        Map<String, Object> sweep = s != null && s.get("sweep") instanceof Map
                ? (Map<String, Object>) s.get("sweep") : decoder.sweepEvent();
        int exitCode = s != null ? (int) Json.asLong(s.get("exit_code")) : buildctlCode == 0 ? 0 : decoder.failedExitCode();
        List<String> crates = new ArrayList<>();
        if (s != null) {
            for (Object o : (List<?>) s.getOrDefault("downloaded_crates", List.of())) {
                crates.add(Json.asString(o));
            }
        }
        return new RunSummary(command, request.cacheKey(), request.targetCacheId(), exitCode,
                TimeUnit.NANOSECONDS.toMillis(nanos), decoder.lockWaitMillis(),
                s == null ? 0 : Json.asLong(s.get("cargo_ms")), decoder.contextBytes(),
                s == null ? 0 : (int) Json.asLong(s.get("compiled")), s == null ? 0 : (int) Json.asLong(s.get("fresh")),
                s == null ? 0 : (int) Json.asLong(s.get("downloaded")), crates,
                outputs,
                sweep == null ? 0 : Json.asLong(sweep.get("target_bytes")),
                sweep == null ? 0 : Json.asLong(sweep.get("swept_bytes")),
                sweep == null ? 0 : (int) Json.asLong(sweep.get("swept_units")), daemon.addr(),
                s == null ? null : rebuilds(s.get("rebuilds")));
    }

    /** The helper's "rebuilds" field: why cargo compiled each unit; null when absent. */
    private static RunSummary.Rebuilds rebuilds(Object field) {
        if (!(field instanceof Map<?, ?> m) || !(m.get("line") instanceof String line)) {
            return null;
        }
        List<RunSummary.RebuiltUnit> units = new ArrayList<>();
        if (m.get("units") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> u) {
                    units.add(new RunSummary.RebuiltUnit(Json.asString(u.get("package")), Json.asString(u.get("target")),
                            Json.asString(u.get("reason")), u.get("detail") == null ? "" : Json.asString(u.get("detail"))));
                }
            }
        }
        return new RunSummary.Rebuilds(line, units);
    }

    private static CargoResult finish(CargoRequest request, BuildkitAddress daemon, ProgressDecoder decoder, int code,
            boolean fromFile, RunSummary summary, BuildLog log) throws RustCargoException {
        String subcommand = subcommand(request.argv());
        if (fromFile && summary.exitCode() != 0) {
            throw new CargoFailedException("cargo " + subcommand + " failed (exit code " + summary.exitCode() + ")",
                    summary.exitCode(), summary);
        }
        if (code == 0 && !fromFile) {
            throw new CargoFailedException("the BuildKit build finished but rust-cargo's summary was not exported", -1, summary);
        }
        if (code == 0) {
            if (request.output() != null && summary.outputs().isEmpty() && request.requireOutput()) {
                throw new CargoFailedException("cargo " + subcommand + " produced no file matching output pattern '"
                        + request.output() + "' under target/ (requireOutput is set)", 0, summary);
            }
            log.info(String.format(java.util.Locale.ROOT,
                    "cargo %s finished in %s: %d compiled, %d fresh, %d downloaded, lock wait %s%s%s",
                    subcommand, ProgressDecoder.seconds(summary.wallMillis()), summary.compiled(), summary.fresh(),
                    summary.downloaded(), ProgressDecoder.seconds(summary.lockWaitMillis()),
                    summary.outputs().isEmpty() ? "" : ", " + summary.outputs().size() + " outputs exported to target/",
                    summary.rebuilds() == null ? "" : "; " + summary.rebuilds().line()));
            return new CargoResult(summary);
        }
        if (decoder.summaryEvent() != null) {
            int exit = summary.exitCode();
            if (exit == 0) {
                throw new CargoFailedException("cargo " + subcommand + " succeeded but exporting its outputs failed: "
                        + BuildkitErrors.summary(decoder.allErrors()), -1, summary);
            }
            if (exit == 125) {
                throw new CargoFailedException("rust-cargo's helper failed inside the build; see the lines above", exit, summary);
            }
            throw new CargoFailedException("cargo " + subcommand + " failed (exit code " + exit + ")", exit, summary);
        }
        List<String> errors = decoder.allErrors();
        if (!decoder.heardFromDaemon() && BuildkitErrors.looksUnreachable(errors)) {
            throw DaemonLocator.unreachable(daemon, BuildkitErrors.summary(decoder.plainErrors()));
        }
        if (decoder.imageError() != null) {
            throw new CargoFailedException(imageProblem(request.image(), daemon, decoder.imageError()), -1, summary);
        }
        int exit = decoder.failedExitCode();
        if (decoder.cargoStarted() && exit > 0) {
            throw new CargoFailedException("cargo " + subcommand + " failed (exit code " + exit + ")", exit, summary);
        }
        throw new CargoFailedException("the BuildKit build failed before cargo finished: " + BuildkitErrors.summary(errors)
                + networkHint(errors, request), -1, summary);
    }

    /** A trusted build asked for the host network, which the daemon does not allow: say how to allow it. */
    private static String networkHint(List<String> errors, CargoRequest request) {
        String all = String.join(" ", errors).toLowerCase(java.util.Locale.ROOT);
        if (request.network() == BuildNetwork.HOST && all.contains("network.host")) {
            return " (network 'host' needs a daemon that allows it: insecure-entitlements = [\"network.host\"] in"
                    + " buildkitd.toml; see docs/security.md)";
        }
        return "";
    }

    /** The daemon answered but could not resolve the toolchain image: name that culprit. */
    static String imageProblem(String image, BuildkitAddress daemon, String error) {
        String detail = BuildkitErrors.clean(error);
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("not found") && !lower.contains("dial tcp") && !lower.contains("no such host")) {
            return "toolchain image '" + image + "' was not found in its registry (" + detail
                    + "); check the image name and tag, and registry credentials";
        }
        if (lower.contains("unauthorized") || lower.contains("denied") || lower.contains("authorization")) {
            return "the registry refused toolchain image '" + image + "' (" + detail + "); check registry credentials";
        }
        return "the BuildKit daemon at " + daemon.addr() + " could not reach the registry of toolchain image '" + image + "' ("
                + detail + "); check the registry address, the daemon's registry mirrors and its network";
    }

    static String subcommand(List<String> argv) {
        for (String a : argv) {
            if (!a.startsWith("-") && !a.startsWith("+")) {
                return a;
            }
        }
        return argv.isEmpty() ? "" : argv.get(0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

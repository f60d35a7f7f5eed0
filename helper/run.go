package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// cmdRun implements `run --config FILE -- ARGV...`.
func cmdRun(args []string) int {
	started := time.Now()
	cfgPath, rest, err := parseConfigFlag(args)
	if err != nil {
		return helperFail("%v", err)
	}
	if len(rest) < 2 || rest[0] != "--" {
		return helperFail("usage: rustcargo-helper run --config FILE -- ARGV...")
	}
	argv := rest[1:]
	cfg, err := loadConfig(cfgPath) // also validates the output regex, before cargo runs
	if err != nil {
		return helperFail("%v", err)
	}

	// Cargo's stderr (status, diagnostics) and stdout (test and program output) share one sink:
	// BuildKit ships the container's two streams separately, so only a single stream keeps the
	// order in which cargo wrote them.
	out, em, fwd, err := startCargoStep()
	if err != nil {
		return helperFail("%v", err)
	}
	errOut := out

	// 1. CARGO_HOME
	env := os.Environ()
	origHome, err := originalCargoHome(env)
	if err != nil {
		return helperFail("%v", err)
	}
	var home, version string
	var fetched fetchState
	if cfg.FetchState != "" {
		// The fetch step chose the cache home with this call's toolchain and
		// filled it; here it is read-only, seen through a writable view.
		found, err := readJSON(cfg.FetchState, &fetched)
		if err != nil || !found {
			return helperFail("the fetch step left no record at %s (%v)", cfg.FetchState, err)
		}
		version = fetched.CargoVersion
		if _, err := os.Stat(filepath.Join(fetched.CargoHome, "registry")); err != nil && fetched.HadRegistry {
			// A prune or GC removed the idle cache between the two steps: say so,
			// rather than let cargo report missing packages.
			return helperFail("the shared CARGO_HOME cache was removed between fetching and building (a prune or garbage collection); run the build again")
		}
		if home, err = cargoHomeView(fetched.CargoHome, cargoHomeViewDir); err != nil {
			return helperFail("cannot prepare CARGO_HOME: %v", err)
		}
		if fetched.Lockfile != "" {
			restoreLockfile(fetched.Lockfile, filepath.Join(cfg.Workspace, "Cargo.lock"), em.warn)
		}
	} else {
		version, err = cargoVersion(argv, cfg.Workspace, env)
		if err != nil {
			return helperFail("%v", err)
		}
		home = filepath.Join(cfg.CargoHomeBase, cargoHomeKey(readOSRelease(), version))
		if err := os.MkdirAll(home, 0o755); err != nil {
			return helperFail("cannot create CARGO_HOME: %v", err)
		}
	}
	if err := os.MkdirAll(cfg.stateDir(), 0o755); err != nil {
		return helperFail("cannot create %s: %v", cfg.stateDir(), err)
	}
	// Held until the helper exits (the kernel drops it then), also by a container that
	// outlives a crashed buildkitd: the next build of this cache waits for it here.
	if err := lockTarget(cfg.stateDir(), em.warn); err != nil {
		return helperFail("%v", err)
	}
	started = time.Now() // the lock wait counts as lock wait, not as this build's run
	sinceNs := runStamp(cfg.stateDir(), started)
	em.emit(startEvent{Event: "start", TimeMs: started.UnixMilli(), CargoHome: home, CargoVersion: version})

	cenv := childEnv(env, origHome, home, cfg.TargetDir)
	if cfg.Offline {
		// No network in this step: cargo must not even try (dependencies were fetched).
		cenv = envSet(cenv, "CARGO_NET_OFFLINE", "true")
	}
	if w := copyImageConfig(origHome, rootCargoConfigDir); w != "" {
		em.warn(w)
	}
	for k, v := range credentialEnv(origHome) {
		if cur, ok := envGet(cenv, k); !ok || cur == "" {
			cenv = envSet(cenv, k, v)
		}
	}

	// 2. Freshness
	var mrun *manifestRun
	switch cfg.Freshness {
	case freshnessFingerprints:
		cargoPath, err := lookPath("cargo", cenv)
		var names []string
		if err == nil {
			names = workspacePackageNames(cfg, cargoPath, cenv)
		} else {
			names = packageNamesFromManifests(cfg.Workspace, cfg.TargetDir)
		}
		removed, err := removeWorkspaceFingerprints(cfg.TargetDir, names)
		if err != nil {
			return helperFail("%v", err) // stale artifacts would be reused otherwise
		}
		em.emit(freshnessFingerprintsEvent{Event: "freshness", Mode: freshnessFingerprints, Removed: removed})
	default:
		var touched, restored int
		mrun, touched, restored = prepareManifest(cfg, em.warn)
		em.emit(freshnessManifestEvent{Event: "freshness", Mode: freshnessManifest, Touched: touched, Restored: restored})
	}

	// 3. cargo
	stats := &runStats{}
	cargoEnv := cenv
	if v, set := envGet(cenv, "CARGO_LOG"); set && v != "" {
		stats.rebuilds = newRebuildLog(false, cfg.Workspace) // the user asked for a log: show it all
	} else if explainsRebuilds(version) {
		cargoEnv = envSet(cenv, "CARGO_LOG", fingerprintLogFilter)
		stats.rebuilds = newRebuildLog(true, cfg.Workspace)
	}
	stats.downloaded = append(stats.downloaded, fetched.Downloaded...)
	summary := summaryEvent{Event: "summary", DownloadedCrates: []string{}, Outputs: []outputFile{}}
	finish := func(exit int) int {
		stats.mu.Lock()
		summary.Compiled, summary.Fresh = stats.compiled, stats.fresh
		summary.Downloaded = len(stats.downloaded)
		summary.DownloadedCrates = append(summary.DownloadedCrates, stats.downloaded...)
		stats.mu.Unlock()
		summary.Rebuilds = stats.rebuilds.report()
		em.emit(summary)
		return exit
	}
	if sig, ok := fwd.terminated(); ok {
		summary.ExitCode = 128 + int(sig)
		return finish(summary.ExitCode)
	}
	colorAlways := false
	if v, _ := envGet(cenv, "CARGO_TERM_COLOR"); v == "always" {
		colorAlways = true
	}
	runArgv, rewrite := argv, false
	if cfg.InjectMessageFormat {
		runArgv, rewrite = injectMessageFormat(argv, colorAlways)
	}
	cargoStart := time.Now()
	exit, err := runCargo(runArgv, cfg.Workspace, cargoEnv, rewrite, stats, out, errOut, fwd)
	summary.CargoMs = time.Since(cargoStart).Milliseconds()
	if err != nil {
		return helperFail("%v", err)
	}
	summary.ExitCode = exit
	helperErr := ""
	// Nothing cargo started may write on: not into the out dir, not into the caches.
	stopOtherProcesses()

	if mrun != nil {
		if err := mrun.finish(exit == 0); err != nil {
			em.warn(fmt.Sprintf("freshness: cannot write manifest: %v", err))
		}
	}

	// 4. outputs, into an out dir that nothing else has written to
	if err := resetOutDir(cfg.OutDir); err != nil {
		return helperFail("cannot prepare %s: %v", cfg.OutDir, err)
	}
	if exit == 0 && cfg.outputRe != nil {
		outputs, err := copyOutputs(cfg.TargetDir, filepath.Join(cfg.OutDir, exportFilesDir), cfg.outputRe, em.warn)
		if err != nil {
			helperErr = err.Error()
		}
		summary.Outputs = append(summary.Outputs, outputs...)
		if err == nil && len(outputs) == 0 {
			em.warn(fmt.Sprintf("no file under target/ matched output pattern '%s'", cfg.OutputRegex))
		}
	}

	// 5. leave the caches safe for the next build and for the daemon
	scrubSecrets(cfg, home, em.warn)
	boundPathLengths(cfg.TargetDir, maxCachePathBytes, em.warn)

	// 6. sweep, skipped when we are being stopped: exit promptly instead.
	if _, stopping := fwd.terminated(); !stopping {
		sweepStart := time.Now()
		res := sweepTarget(sweepOptions{
			targetDir: cfg.TargetDir, maxAge: cfg.MaxAgeSeconds, maxSize: cfg.MaxSizeBytes,
			stats: stats, sinceNs: sinceNs, ageZero: stats.usageComplete(), now: sweepStart,
		}, em.warn)
		ev := newSweepEvent(res, sweepStart)
		em.emit(ev)
		summary.Sweep = &ev
	}

	if helperErr != "" {
		printHelperError(helperErr)
		return finish(exitHelperError)
	}
	if _, stopping := fwd.terminated(); stopping {
		return finish(exit) // cancelled: nothing to export
	}
	finish(exit)
	// Cargo's exit code travels in the summary file; the step itself succeeds so that
	// BuildKit exports the file also when cargo failed.
	if err := writeSummaryFile(cfg.OutDir, summary); err != nil {
		return helperFail("cannot write the summary: %v", err)
	}
	return 0
}

// runStamp writes <state>/run.stamp and returns its mtime: the reference
// for "written by cargo during this run", taken from the same (coarse)
// filesystem clock that stamps cargo's files.
func runStamp(stateDir string, started time.Time) int64 {
	p := filepath.Join(stateDir, "run.stamp")
	if err := os.WriteFile(p, []byte(started.UTC().Format(time.RFC3339Nano)+"\n"), 0o644); err == nil {
		if fi, err := os.Stat(p); err == nil {
			return fi.ModTime().UnixNano()
		}
	}
	return started.Add(-10 * time.Millisecond).UnixNano()
}

// restoreLockfile puts the fetch step's Cargo.lock into a workspace that has
// none (the workspace mount's writes do not outlive a step).
func restoreLockfile(saved, dest string, warn func(string)) {
	if _, err := os.Stat(dest); err == nil {
		return
	}
	b, err := os.ReadFile(saved)
	if err == nil {
		err = os.WriteFile(dest, b, 0o644)
	}
	if err != nil {
		warn(fmt.Sprintf("cannot use the fetched Cargo.lock: %v", err))
	}
}

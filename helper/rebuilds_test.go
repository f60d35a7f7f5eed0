package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Lines as cargo 1.95 prints them with CARGO_LOG=cargo::core::compiler::fingerprint=info.
const fpPrefix = `   0.021649629s  INFO prepare_target{force=false package_id=`

func span(pkgID, target string) string {
	return fpPrefix + pkgID + ` target="` + target + `"}: cargo::core::compiler::fingerprint: `
}

func feed(t *testing.T, r *rebuildLog, lines ...string) (shown []string) {
	t.Helper()
	for _, l := range lines {
		if !r.consume([]byte(l + "\n")) {
			shown = append(shown, l)
		}
	}
	return shown
}

func TestSourceChangeAndItsDependent(t *testing.T) {
	r := newRebuildLog(true, "/ws")
	app, core := span("app v0.1.0 (/ws/app)", "app"), span("core1 v0.1.0 (/ws/core1)", "core1")
	shown := feed(t, r,
		app+`stale: changed "/ws/core1/src/lib.rs"`,
		app+`          (vs) "/ws/target/debug/.fingerprint/core1-c0af354ad19be03b/dep-lib-core1"`,
		app+`               FileTime { seconds: 1796410493, nanos: 705483470 } < FileTime { seconds: 1796410494, nanos: 289483495 }`,
		app+`fingerprint dirty for app v0.1.0 (/ws/app)/Build/TargetInner { name: "app", doc: true, ..: with_path("/ws/app/src/main.rs", Edition2024) }`,
		app+`    dirty: FsStatusOutdated(StaleDepFingerprint { unit: UnitIndex(1) })`,
		core+`fingerprint dirty for core1 v0.1.0 (/ws/core1)/Build/TargetInner { name_inferred: true, ..: lib_target("core1", ["lib"], "/ws/core1/src/lib.rs", Edition2024) }`,
		core+`    dirty: FsStatusOutdated(StaleItem(ChangedFile { reference: "/ws/target/debug/.fingerprint/core1-c0af354ad19be03b/dep-lib-core1", reference_mtime: FileTime { seconds: 1, nanos: 2 }, stale: "/ws/core1/src/lib.rs", stale_mtime: FileTime { seconds: 3, nanos: 4 } }))`,
		`   Compiling core1 v0.1.0 (/ws/core1)`,
		`   Compiling app v0.1.0 (/ws/app)`,
	)
	if len(shown) != 2 || !strings.Contains(shown[0], "Compiling core1") {
		t.Fatalf("only cargo's own status lines are shown: %q", shown)
	}
	rep := r.report()
	if rep == nil || rep.Line != "2 rebuilt: source changed in core1; 1 dependent" {
		t.Fatalf("line: %+v", rep)
	}
	if rep.Units[1].Package != "core1" || rep.Units[1].Detail != "core1/src/lib.rs" || rep.Units[0].Reason != "dependency rebuilt" {
		t.Fatalf("units: %+v", rep.Units)
	}
}

// A dependency bump: cargo finds no fingerprint for the new itoa nor for the
// workspace units whose hash changed with it, and prints an error chain with a
// backtrace for each, which must not reach the user either.
func TestDependencyBumpIsOneNewVersionAndItsDependents(t *testing.T) {
	target := t.TempDir()
	fp := filepath.Join(target, "debug", ".fingerprint")
	writeFingerprint(t, fp, "itoa-0123456789abcdef", "lib-itoa")
	writeFingerprint(t, fp, "tiny-core-1111111111111111", "lib-tiny_core")
	writeFingerprint(t, fp, "tiny-app-2222222222222222", "bin-tiny-app")
	// Not earlier builds of these units: another package whose name starts
	// alike, and tiny-core's build script, whose dir cargo creates up front.
	writeFingerprint(t, fp, "tiny-3333333333333333", "lib-tiny")
	writeFingerprint(t, fp, "tiny-core-4444444444444444", "build-script-build-script-build")
	// The dep-info of the earlier build names the old version's sources.
	writeDepInfo(t, target, "itoa", "0123456789abcdef", "itoa-1.0.19")
	missing := func(entry, file string) string {
		return "    err: failed to read `" + filepath.Join(fp, entry, file) + "`"
	}
	app := span("tiny-app v0.1.0 (/ws/tiny-app)", "tiny-app")
	core := span("tiny-core v0.1.0 (/ws/tiny-core)", "tiny_core")
	itoa := span("itoa v1.0.18", "itoa")
	r := newRebuildLog(true, "/ws")
	shown := feed(t, r,
		app+`fingerprint error for tiny-app v0.1.0 (/ws/tiny-app)/Build/TargetInner { name: "tiny-app" }`,
		app+missing("tiny-app-8554a47d301e4de3", "bin-tiny-app"),
		``, `Caused by:`, `    No such file or directory (os error 2)`, ``, `Stack backtrace:`,
		`   0: cargo_util::paths::read_bytes`, `             at /rustc/abc/src/paths.rs:10:5`,
		core+`fingerprint error for tiny-core v0.1.0 (/ws/tiny-core)/Build/TargetInner { name_inferred: true }`,
		core+missing("tiny-core-1d0836133a363cb3", "lib-tiny_core"),
		``, `Caused by:`, `    No such file or directory (os error 2)`,
		itoa+`fingerprint error for itoa v1.0.18/Build/TargetInner { ..: lib_target("itoa") }`,
		itoa+missing("itoa-d62e748016f8bd79", "lib-itoa"),
		``, `Caused by:`, `    No such file or directory (os error 2)`,
		`   Compiling itoa v1.0.18`,
	)
	if len(shown) != 1 {
		t.Fatalf("error chains and backtraces are swallowed: %q", shown)
	}
	rep := r.report()
	if rep.Line != "3 rebuilt: new version of itoa; 2 dependents" {
		t.Fatalf("line: %q (%+v)", rep.Line, rep.Units)
	}
	if rep.Units[2].Detail != "itoa v1.0.18" {
		t.Fatalf("units: %+v", rep.Units)
	}
}

func TestAFirstBuildSaysSoAndListsFewNames(t *testing.T) {
	r := newRebuildLog(true, "/ws")
	for _, p := range []string{"a", "b", "c", "d", "e"} {
		s := span(p+" v1.0.0", p)
		feed(t, r, s+"fingerprint error for "+p+" v1.0.0/Build/TargetInner {}",
			s+"    err: failed to read `/nowhere/.fingerprint/"+p+"-00aa/lib-"+p+"`")
	}
	if got := r.report().Line; got != "5 rebuilt: not built before: a, b, c and 2 more" {
		t.Fatal(got)
	}
}

func TestUserAskedForTheLogSeesItAll(t *testing.T) {
	r := newRebuildLog(false, "/ws")
	s := span("x v1.0.0 (/ws/x)", "x")
	lines := []string{s + "fingerprint dirty for x", s + "    dirty: RustflagsChanged { old: [], new: [\"-Copt-level=1\"] }"}
	if shown := feed(t, r, lines...); len(shown) != 2 {
		t.Fatalf("%q", shown)
	}
	if got := r.report().Line; got != "1 rebuilt: RUSTFLAGS changed in x" {
		t.Fatal(got)
	}
}

func TestOrdinaryStderrPassesAndNothingRebuiltIsNoReport(t *testing.T) {
	r := newRebuildLog(true, "/ws")
	lines := []string{"   Compiling x v1.0.0", "", "Caused by:", "warning: unused variable", "    Finished `dev` profile"}
	if shown := feed(t, r, lines...); len(shown) != len(lines) {
		t.Fatalf("%q", shown)
	}
	if r.report() != nil {
		t.Fatal("no units, no report")
	}
}

func TestDirtyReasons(t *testing.T) {
	for in, want := range map[string]string{
		`RustcChanged`:                                  "toolchain changed",
		`FeaturesChanged { old: "", new: "x" }`:         "features changed",
		`ProfileConfigurationChanged`:                   "profile changed",
		`EnvVarChanged { name: "X", old_value: None }`:  "environment changed",
		`RerunIfChangedOutputFileChanged { old: "a" }`:  "build script inputs changed",
		`UnitDependencyInfoChanged { old_name: "a" }`:   "dependency rebuilt",
		`FsStatusOutdated(StaleItem(MissingFile("a")))`: "file missing",
		`SomethingNew`: "other (SomethingNew)",
	} {
		if got, _ := classifyDirty(in); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

func writeDepInfo(t *testing.T, target, crate, hash, pkgDir string) {
	t.Helper()
	deps := filepath.Join(target, "debug", "deps")
	if err := os.MkdirAll(deps, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "/tmp/rustcargo-cargo-home/registry/src/index.crates.io-1949cf8c6b5b557f/" + pkgDir + "/src/lib.rs"
	if err := os.WriteFile(filepath.Join(deps, crate+"-"+hash+".d"), []byte(src+":\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Other flags in one shared target (e.g. --config build.rustflags): every unit
// gets a new hash, also the registry ones, whose version did not change.
func TestSameVersionWithNewHashIsNotABump(t *testing.T) {
	target := t.TempDir()
	fp := filepath.Join(target, "debug", ".fingerprint")
	writeFingerprint(t, fp, "itoa-0123456789abcdef", "lib-itoa")
	writeDepInfo(t, target, "itoa", "0123456789abcdef", "itoa-1.0.19")
	s := span("itoa v1.0.19", "itoa")
	r := newRebuildLog(true, "/ws")
	feed(t, r, s+"fingerprint error for itoa v1.0.19/Build/TargetInner {}",
		s+"    err: failed to read `"+filepath.Join(fp, "itoa-99aa99aa99aa99aa", "lib-itoa")+"`")
	if got := r.report().Line; got != "1 rebuilt: inputs changed in itoa" {
		t.Fatal(got)
	}
}

func TestPlantedLinksAndFifosAreNotRead(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	if err := os.WriteFile(secret, []byte("/itoa-1.0.19/"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.d")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	if _, err := readSmallRegularFile(link); err == nil {
		t.Fatal("a link is followed")
	}
	fifo := filepath.Join(dir, "fifo.d")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readSmallRegularFile(fifo); err == nil {
		t.Fatal("a FIFO is read")
	}
	if b, err := readSmallRegularFile(secret); err != nil || string(b) != "/itoa-1.0.19/" {
		t.Fatalf("%q %v", b, err)
	}
}

func TestOnlyCargoWithTracingLogsIsAskedWhy(t *testing.T) {
	for v, want := range map[string]bool{"1.95.0": true, "1.74.0": true, "1.73.1": false, "2.0.0": true, "": false, "x": false} {
		if explainsRebuilds(v) != want {
			t.Errorf("%q: want %v", v, want)
		}
	}
	var none *rebuildLog
	if none.report() != nil {
		t.Fatal("nil log, no report")
	}
}

func writeFingerprint(t *testing.T, fp, unit, file string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(fp, unit), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fp, unit, file), []byte("0123456789abcdef"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAPackageWithAPrefixOfAnotherNameOrOnlyABuildScriptIsNew(t *testing.T) {
	target := t.TempDir()
	fp := filepath.Join(target, "debug", ".fingerprint")
	writeFingerprint(t, fp, "tiny-core-1111111111111111", "lib-tiny_core")
	writeFingerprint(t, fp, "tiny-2222222222222222", "build-script-build-script-build")
	s := span("tiny v0.1.0 (/ws/tiny)", "tiny")
	r := newRebuildLog(true, "/ws")
	feed(t, r, s+"fingerprint error for tiny v0.1.0 (/ws/tiny)/Build/TargetInner {}",
		s+"    err: failed to read `"+filepath.Join(fp, "tiny-99aa99aa99aa99aa", "lib-tiny")+"`")
	if got := r.report().Line; got != "1 rebuilt: not built before: tiny" {
		t.Fatal(got)
	}
}

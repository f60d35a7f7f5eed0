package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var longAgo = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)

// plainCargo runs cargo without the helper, in the helper's CARGO_HOME.
func (f *fixture) plainCargo(home string, args ...string) string {
	f.t.Helper()
	cmd := exec.Command("cargo", args...)
	cmd.Dir = f.dir
	cmd.Env = append(f.helperEnv(), "CARGO_HOME="+home, "CARGO_TARGET_DIR="+f.target)
	out, err := cmd.Output()
	if err != nil {
		f.t.Fatalf("plain cargo %v: %v", args, err)
	}
	return string(out)
}

func readManifest(t *testing.T, f *fixture) manifest {
	t.Helper()
	m := manifest{}
	if found, err := readJSON(filepath.Join(f.target, ".rustcargo", "manifest.json"), &m); err != nil || !found {
		t.Fatalf("manifest: found=%v err=%v", found, err)
	}
	return m
}

func TestManifestTouchesChangedContentWithOlderMtime(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	r := f.run("cargo", "run", "-q", "-p", "my-app")
	r.mustSucceed(t)
	if !strings.Contains(r.stdout, "v1-42") {
		t.Fatalf("first run printed %q", r.stdout)
	}
	home := r.events[0]["cargo_home"].(string)

	// New content, but an mtime older than every artifact (as a tool that
	// preserves or fakes timestamps would leave it).
	lib := f.path("lib1/src/lib.rs")
	f.write("lib1/src/lib.rs", libSource("v2"))
	os.Chtimes(lib, longAgo, longAgo)
	// Control: plain cargo is fooled and runs the stale binary.
	if out := f.plainCargo(home, "run", "-q", "-p", "my-app"); !strings.Contains(out, "v1-42") {
		t.Fatalf("control: plain cargo printed %q; the scenario does not reproduce", out)
	}

	r = f.run("cargo", "run", "-q", "-p", "my-app")
	s := r.mustSucceed(t)
	if !strings.Contains(r.stdout, "v2-42") {
		t.Fatalf("stale binary after a content change: %q", r.stdout)
	}
	fr := r.event("freshness")
	if fr["mode"] != "manifest" || num(t, fr, "touched") != 1 || num(t, fr, "restored") != 0 {
		t.Fatalf("freshness event %v", fr)
	}
	if num(t, s, "compiled") != 2 { // lib1 and app
		t.Fatalf("compiled %v", s["compiled"])
	}
	// The manifest now records the new content with the mtime cargo saw.
	fi, _ := os.Stat(lib)
	if e := readManifest(t, f)["lib1/src/lib.rs"]; e.SHA256 != sha256Hex(libSource("v2")) || e.MtimeNs != fi.ModTime().UnixNano() {
		t.Fatalf("manifest entry %+v", e)
	}
}

func TestManifestRestoresMtimeOfUnchangedFiles(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.run("cargo", "build").mustSucceed(t)
	m := readManifest(t, f)
	for _, rel := range []string{"Cargo.toml", "Cargo.lock", "lib1/src/lib.rs", "app/src/main.rs", "lib1/build.rs"} {
		if _, ok := m[rel]; !ok {
			t.Fatalf("manifest lacks %s: %v", rel, m)
		}
	}
	if _, ok := m["target/.rustcargo/manifest.json"]; ok {
		t.Fatal("manifest covers target/")
	}

	// A fresh checkout: same content, every mtime newer than the artifacts.
	now := time.Now().Add(time.Second)
	for _, rel := range []string{"lib1/src/lib.rs", "app/src/main.rs"} {
		os.Chtimes(f.path(rel), now, now)
	}
	r := f.run("cargo", "build")
	s := r.mustSucceed(t)
	fr := r.event("freshness")
	if num(t, fr, "restored") != 2 || num(t, fr, "touched") != 0 {
		t.Fatalf("freshness event %v", fr)
	}
	if num(t, s, "compiled") != 0 || num(t, s, "fresh") != 4 {
		t.Fatalf("unchanged sources were rebuilt: %v\n%s", s, r.stderr)
	}
	fi, _ := os.Stat(f.path("lib1/src/lib.rs"))
	if fi.ModTime().UnixNano() != m["lib1/src/lib.rs"].MtimeNs {
		t.Fatalf("mtime %d, manifest %d", fi.ModTime().UnixNano(), m["lib1/src/lib.rs"].MtimeNs)
	}
}

func TestManifestAfterFailedBuild(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.run("cargo", "build").mustSucceed(t)
	before := readManifest(t, f)
	appUnits := f.fingerprints("my-app-")

	f.write("lib1/src/lib.rs", libSource("v1")+"fn broken( {}\n")
	f.setSweep(0, -1)
	r := f.run("cargo", "build")
	s := r.summary(t)
	if r.exit != 0 || num(t, s, "exit_code") != 101 {
		t.Fatalf("exit %d summary %v", r.exit, s["exit_code"])
	}
	if !strings.Contains(r.stdout, "error") {
		t.Fatalf("no rendered error in the log:\n%s", r.stdout)
	}
	// Swept, but max_age 0 does not apply: cargo never got to report the
	// app unit, which is not "unused".
	if sw := r.event("sweep"); sw == nil || num(t, sw, "swept_units") != 0 || len(f.fingerprints("my-app-")) != len(appUnits) {
		t.Fatalf("sweep after a failed build: %v, app units %v -> %v", sw, appUnits, f.fingerprints("my-app-"))
	}
	after := readManifest(t, f)
	// Not rewritten: only the touched file is marked dirty.
	if after["lib1/src/lib.rs"].SHA256 != "" {
		t.Fatalf("touched file not marked dirty: %+v", after["lib1/src/lib.rs"])
	}
	for rel, e := range before {
		if rel != "lib1/src/lib.rs" && after[rel] != e {
			t.Fatalf("manifest entry %s changed after a failure: %+v -> %+v", rel, e, after[rel])
		}
	}
	// Back to the recorded content: still touched, because the failed build
	// may have left artifacts built from the broken content.
	f.write("lib1/src/lib.rs", libSource("v1"))
	r = f.run("cargo", "build")
	r.mustSucceed(t)
	if fr := r.event("freshness"); num(t, fr, "touched") != 1 {
		t.Fatalf("freshness event %v", fr)
	}
}

func TestFingerprintsModeRemovesWorkspaceFingerprintsOnly(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.run("cargo", "build").mustSucceed(t)
	ws := append(f.fingerprints("lib1-"), f.fingerprints("my-app-")...)
	deps := f.fingerprints("itoa-")
	if len(ws) != 4 || len(deps) != 1 {
		t.Fatalf("fingerprints: workspace %v deps %v", ws, deps)
	}
	f.cfg["freshness"] = "fingerprints"
	r := f.run("cargo", "build")
	s := r.mustSucceed(t)
	fr := r.event("freshness")
	if fr["mode"] != "fingerprints" || num(t, fr, "removed") != 4 {
		t.Fatalf("freshness event %v", fr)
	}
	if num(t, s, "compiled") != 3 || num(t, s, "fresh") != 1 { // build script, lib1, app; itoa fresh
		t.Fatalf("summary %v\n%s", s, r.stderr)
	}
	if got := f.fingerprints("itoa-"); len(got) != 1 || got[0] != deps[0] {
		t.Fatalf("dependency fingerprint touched: %v", got)
	}
}

func TestPackageNamesFromManifests(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, s string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
		os.WriteFile(filepath.Join(dir, rel), []byte(s), 0o644)
	}
	write("Cargo.toml", "[workspace]\nmembers=[\"a\"]\n")
	write("a/Cargo.toml", "[package]\nname = \"my-a\" # comment\nversion=\"1\"\n[dependencies]\nname = \"no\"\n")
	write("target/x/Cargo.toml", "[package]\nname = \"in-target\"\n")
	write(".git/y/Cargo.toml", "[package]\nname = \"in-git\"\n")
	got := packageNamesFromManifests(dir, filepath.Join(dir, "target"))
	if len(got) != 1 || got[0] != "my-a" {
		t.Fatalf("names %v", got)
	}

	// removeWorkspaceFingerprints also takes the '_' form, not longer names.
	tgt := t.TempDir()
	for _, p := range []string{"debug/.fingerprint/my-a-0123", "debug/.fingerprint/my_a-4567",
		"debug/.fingerprint/my-a-extra-89ab", "x86_64-unknown-linux-gnu/release/.fingerprint/my-a-cdef"} {
		os.MkdirAll(filepath.Join(tgt, p), 0o755)
	}
	n, err := removeWorkspaceFingerprints(tgt, got)
	if err != nil || n != 3 || !exists(filepath.Join(tgt, "debug/.fingerprint/my-a-extra-89ab")) {
		t.Fatalf("removed %d, err %v", n, err)
	}
}

func TestPrepareManifestIsFast(t *testing.T) {
	ws := t.TempDir()
	const n = 3000
	content := strings.Repeat("fn f() {}\n", 400) // 4 KB
	m := manifest{}
	for i := 0; i < n; i++ {
		rel := fmt.Sprintf("src/m%02d/f%d.rs", i%50, i)
		p := filepath.Join(ws, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
		sum := sha256Hex(content)
		if i%1000 == 0 {
			sum = "changed"
		}
		m[rel] = manifestEntry{SHA256: sum, Size: int64(len(content)), MtimeNs: 1}
	}
	cfg := &Config{Workspace: ws, TargetDir: filepath.Join(ws, "target")}
	if err := writeJSONAtomic(manifestPath(cfg), m); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	_, touched, restored := prepareManifest(cfg, func(s string) { t.Error(s) })
	took := time.Since(began)
	if touched != 3 || restored != n-3 {
		t.Fatalf("touched %d restored %d", touched, restored)
	}
	// The brief asks for well under a second; allow slack for a loaded CI box.
	if took > 2*time.Second {
		t.Fatalf("hashing %d files took %v", n, took)
	}
	t.Logf("%d files in %v", n, took)
}

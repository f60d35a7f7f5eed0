package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestSweepAgeZeroAfterDependencyChange(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "=1.0.14")
	f.setSweep(0, -1)
	r := f.run("cargo", "build")
	r.mustSucceed(t)
	if sw := r.event("sweep"); num(t, sw, "swept_units") != 0 {
		t.Fatalf("first build swept %v", sw)
	}
	oldItoa := f.fingerprints("itoa-")
	oldLib := f.fingerprints("lib1-")
	if len(oldItoa) != 1 {
		t.Fatalf("itoa units %v", oldItoa)
	}
	oldHash := strings.TrimPrefix(oldItoa[0], "itoa-")

	f.setItoa("=1.0.15")
	r = f.run("cargo", "build")
	s := r.mustSucceed(t)
	sw := r.event("sweep")
	if num(t, sw, "swept_units") == 0 || num(t, sw, "swept_bytes") == 0 || num(t, sw, "target_bytes") == 0 {
		t.Fatalf("sweep event %v", sw)
	}
	if num(t, s, "compiled") == 0 {
		t.Fatal("dependency change compiled nothing")
	}
	newItoa := f.fingerprints("itoa-")
	if len(newItoa) != 1 || newItoa[0] == oldItoa[0] {
		t.Fatalf("itoa units after the change: %v (old %v)", newItoa, oldItoa)
	}
	deps, _ := os.ReadDir(filepath.Join(f.target, "debug/deps"))
	for _, d := range deps {
		if strings.Contains(d.Name(), oldHash) {
			t.Fatalf("old itoa file left behind: %s", d.Name())
		}
	}
	// Every unit that survived is recorded in the ledger, and only those.
	l, _ := loadLedger(f.target)
	var units []string
	for _, prefix := range []string{"itoa-", "lib1-", "my-app-"} {
		for _, e := range f.fingerprints(prefix) {
			units = append(units, "debug/"+e)
			if _, ok := l["debug/"+e]; !ok {
				t.Errorf("ledger lacks %s", e)
			}
		}
	}
	if _, ok := l["debug/"+oldItoa[0]]; ok {
		t.Error("ledger keeps a swept unit")
	}
	t.Logf("lib1 units before %v after %v", oldLib, f.fingerprints("lib1-"))

	// Nothing this build needs was swept.
	r = f.run("cargo", "build")
	s = r.mustSucceed(t)
	if num(t, s, "compiled") != 0 || num(t, s, "fresh") != 4 {
		t.Fatalf("build after the sweep: %v\n%s", s, r.stderr)
	}
	if sw := r.event("sweep"); num(t, sw, "swept_units") != 0 {
		t.Fatalf("a no-op build swept %v", sw)
	}

	// The scheduled sweep: nothing is in use, age 0 removes every unit.
	r = f.runWith(f.helperEnv(), "sweep", "--config", f.configFile())
	if r.exit != 0 || len(r.events) != 1 || r.events[0]["event"] != "sweep" {
		t.Fatalf("sweep: exit %d events %v stderr %s", r.exit, r.events, r.stderr)
	}
	if got := num(t, r.events[0], "swept_units"); got < int64(len(units)) {
		t.Fatalf("swept %d items, want at least %d", got, len(units))
	}
	if left := f.fingerprints(""); len(left) != 0 {
		t.Fatalf("units left after sweep: %v", left)
	}
	if l, _ := loadLedger(f.target); len(l) != 0 {
		t.Fatalf("ledger after full sweep: %v", l)
	}
}

// synthetic target dirs for rule-level tests --------------------------------

type synth struct {
	t   *testing.T
	dir string
}

func newSynth(t *testing.T) *synth { return &synth{t: t, dir: t.TempDir()} }

func (s *synth) file(rel string, size int) string {
	p := filepath.Join(s.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
		s.t.Fatal(err)
	}
	return p
}

// unit creates debug/.fingerprint/<name>-<hash>/ and debug/deps/lib<name>-<hash>.rlib.
func (s *synth) unit(name string, n int, size int) (key, rlib string) {
	hash := fmt.Sprintf("%016x", n)
	s.file(fmt.Sprintf("debug/.fingerprint/%s-%s/lib-%s", name, hash, name), 10)
	rlib = s.file(fmt.Sprintf("debug/deps/lib%s-%s.rlib", strings.ReplaceAll(name, "-", "_"), hash), size)
	return "debug/" + name + "-" + hash, rlib
}

func (s *synth) setLedger(l ledger) {
	if err := writeJSONAtomic(ledgerPath(s.dir), l); err != nil {
		s.t.Fatal(err)
	}
}

func (s *synth) exists(key string) bool {
	return exists(filepath.Join(s.dir, "debug/.fingerprint", filepath.Base(key)))
}

func usedArtifacts(files ...string) *runStats {
	st := &runStats{}
	for _, f := range files {
		st.artifacts = append(st.artifacts, artifactUse{files: []string{f}})
	}
	return st
}

func noWarnings(t *testing.T) func(string) { return func(s string) { t.Errorf("warning: %s", s) } }

func TestSweepSizeRuleLRU(t *testing.T) {
	s := newSynth(t)
	now := time.Now()
	a, _ := s.unit("a", 1, 10000)
	b, _ := s.unit("b", 2, 10000)
	c, _ := s.unit("c", 3, 10000)
	d, dRlib := s.unit("d", 4, 10000)
	s.setLedger(ledger{a: now.Unix() - 3000, b: now.Unix() - 2000, c: now.Unix() - 1000, d: now.Unix() - 9000})

	res := sweepTarget(sweepOptions{
		targetDir: s.dir, maxAge: -1, maxSize: 25000, stats: usedArtifacts(dRlib), now: now,
	}, noWarnings(t))
	// d is the least recently used but in use; a then b must go.
	if s.exists(a) || s.exists(b) || !s.exists(c) || !s.exists(d) {
		t.Fatalf("after size sweep: a=%v b=%v c=%v d=%v", s.exists(a), s.exists(b), s.exists(c), s.exists(d))
	}
	if exists(filepath.Join(s.dir, "debug/deps/liba-0000000000000001.rlib")) {
		t.Fatal("unit a's rlib survived")
	}
	if res.sweptItems != 2 || res.sweptBytes != 2*10010 || res.targetBytes != treeSize(s.dir) || res.targetBytes > 25000 {
		t.Fatalf("result %+v (tree %d)", res, treeSize(s.dir))
	}

	// Nothing deletable left: the used unit stays even though the limit is exceeded.
	res = sweepTarget(sweepOptions{targetDir: s.dir, maxAge: -1, maxSize: 1, stats: usedArtifacts(dRlib), now: now}, noWarnings(t))
	if s.exists(c) || !s.exists(d) || res.sweptItems != 1 {
		t.Fatalf("tiny limit: c=%v d=%v %+v", s.exists(c), s.exists(d), res)
	}
}

func TestSweepAgeRule(t *testing.T) {
	s := newSynth(t)
	now := time.Now()
	old, _ := s.unit("old", 1, 100)
	recent, _ := s.unit("recent", 2, 100)
	usedOld, rlib := s.unit("used-old", 3, 100)
	unseen, _ := s.unit("unseen", 4, 100)
	day := int64(24 * 3600)
	s.setLedger(ledger{old: now.Unix() - 5*day, recent: now.Unix() - 3*day, usedOld: now.Unix() - 9*day})
	res := sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 4 * day, maxSize: -1, stats: usedArtifacts(rlib), now: now}, noWarnings(t))
	if s.exists(old) || !s.exists(recent) || !s.exists(usedOld) || !s.exists(unseen) || res.sweptItems != 1 {
		t.Fatalf("old=%v recent=%v usedOld=%v unseen=%v %+v", s.exists(old), s.exists(recent), s.exists(usedOld), s.exists(unseen), res)
	}

	// max_age 0 only applies when cargo reported all units it used.
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 0, maxSize: -1, stats: usedArtifacts(rlib), now: now}, noWarnings(t))
	if !s.exists(recent) || !s.exists(unseen) {
		t.Fatal("max_age 0 applied without complete usage information")
	}
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 0, maxSize: -1, stats: usedArtifacts(rlib), ageZero: true, now: now}, noWarnings(t))
	if s.exists(recent) || s.exists(unseen) || !s.exists(usedOld) {
		t.Fatalf("max_age 0: recent=%v unseen=%v usedOld=%v", s.exists(recent), s.exists(unseen), s.exists(usedOld))
	}
}

func TestSweepIncrementalDirs(t *testing.T) {
	s := newSynth(t)
	now := time.Now()
	day := int64(24 * 3600)
	oldTime := now.Add(-10 * 24 * time.Hour)
	incr := func(entry string, mtime time.Time) string {
		p := s.file("debug/incremental/"+entry+"/s-abc-def/dep-graph.bin", 500)
		lock := s.file("debug/incremental/"+entry+"/s-abc.lock", 0)
		for _, q := range []string{p, filepath.Dir(p), lock} {
			os.Chtimes(q, mtime, mtime)
		}
		return filepath.Join(s.dir, "debug/incremental", entry)
	}
	foo, _ := s.unit("foo", 1, 10)
	bar, barRlib := s.unit("bar", 2, 10)
	fresh, _ := s.unit("fresh-crate", 3, 10)
	_, appRlib := s.unitWithFile("my-app", 4, "debug/deps/app-%s")
	s.setLedger(ledger{foo: now.Unix() - 10*day, bar: now.Unix() - 10*day, fresh: now.Unix() - day})
	fooIncr := incr("foo-1a2b3c", oldTime)           // old children, old unit: goes
	barIncr := incr("bar-4d5e6f", oldTime)           // crate used this run: stays
	freshIncr := incr("fresh_crate-7g8h9i", oldTime) // unit (fresh-crate) used a day ago: stays
	recentIncr := incr("baz-0j1k2l", now)            // rustc wrote it recently: stays
	orphanIncr := incr("qux-3m4n5o", oldTime)        // nothing references it: goes
	binIncr := incr("app-6p7q8r", oldTime)           // [[bin]] app of package my-app, used: stays
	stats := usedArtifacts(barRlib)
	stats.artifacts = append(stats.artifacts, artifactUse{files: []string{appRlib}, targetName: "app"})

	res := sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 4 * day, maxSize: -1, stats: stats, now: now}, noWarnings(t))
	for p, want := range map[string]bool{fooIncr: false, barIncr: true, freshIncr: true, recentIncr: true, orphanIncr: false, binIncr: true} {
		if exists(p) != want {
			t.Errorf("%s exists=%v, want %v", filepath.Base(p), exists(p), want)
		}
	}
	if s.exists(foo) || res.sweptItems != 3 { // foo unit, foo and qux incremental dirs
		t.Fatalf("foo unit exists=%v, %+v", s.exists(foo), res)
	}
	l, _ := loadLedger(s.dir)
	if l["debug/incremental/bar-4d5e6f"] != now.Unix() {
		t.Fatalf("used incremental dir not recorded: %v", l)
	}

	// Even with max_age 0, an incremental dir of a used crate is kept.
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 0, maxSize: -1, stats: stats, ageZero: true, now: now}, noWarnings(t))
	if !exists(barIncr) || !exists(binIncr) || exists(freshIncr) || exists(recentIncr) {
		t.Fatalf("age 0: bar=%v app=%v fresh=%v recent=%v", exists(barIncr), exists(binIncr), exists(freshIncr), exists(recentIncr))
	}
}

func TestLedgerPersistence(t *testing.T) {
	s := newSynth(t)
	a, aRlib := s.unit("a", 1, 10)
	b, _ := s.unit("b", 2, 10)
	t0 := time.Now().Add(-time.Hour).Unix()
	s.setLedger(ledger{a: t0, "debug/vanished-0000000000000009": t0})

	now := time.Now()
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 86400, maxSize: -1, now: now}, noWarnings(t))
	l, err := loadLedger(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != a+","+b || l[a] != t0 || l[b] != now.Unix() {
		t.Fatalf("ledger %v (a must keep %d, b first seen %d)", l, t0, now.Unix())
	}

	later := now.Add(time.Minute)
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 86400, maxSize: -1, stats: usedArtifacts(aRlib), now: later}, noWarnings(t))
	l, _ = loadLedger(s.dir)
	if l[a] != later.Unix() || l[b] != now.Unix() {
		t.Fatalf("ledger after use %v", l)
	}
	if matches, _ := filepath.Glob(filepath.Join(s.dir, ".rustcargo", "*.tmp-*")); len(matches) != 0 {
		t.Fatalf("temp files left: %v", matches)
	}
}

func TestSweepResolvesCargoPaths(t *testing.T) {
	s := newSynth(t)
	// uplifted bin hard-linked from deps/
	app, binDeps := s.unitWithFile("my-app", 1, "debug/deps/app-%s")
	os.Link(binDeps, filepath.Join(s.dir, "debug/app"))
	// build script compile unit and its run unit
	bs, _ := s.unitWithFile("lib1", 2, "debug/build/lib1-%s/build-script-build")
	run := "debug/lib1-" + fmt.Sprintf("%016x", 3)
	s.file("debug/.fingerprint/lib1-0000000000000003/run-build-script-build-script-build", 1)
	s.file("debug/build/lib1-0000000000000003/out/gen.rs", 1)
	// a copied (not hard-linked) example, found through the fingerprint file name
	ex, _ := s.unitWithFile("my-app", 4, "debug/examples/demo-%s")
	s.file("debug/.fingerprint/my-app-0000000000000004/example-demo", 1)
	s.file("debug/examples/demo", 5)
	// a cross-compiled unit
	cross, crossRlib := s.unitWithFile("itoa", 5, "x86_64-unknown-linux-gnu/debug/deps/libitoa-%s.rlib")
	unused, _ := s.unit("unused", 6, 10)

	st := &runStats{
		artifacts: []artifactUse{
			{files: []string{filepath.Join(s.dir, "debug/app")}, targetName: "app"},
			{files: []string{filepath.Join(s.dir, "debug/build/lib1-0000000000000002/build-script-build")}, targetName: "build-script-build"},
			{files: []string{filepath.Join(s.dir, "debug/examples/demo")}, targetName: "demo"},
			{files: []string{crossRlib}, targetName: "itoa"},
		},
		outDirs: []string{filepath.Join(s.dir, "debug/build/lib1-0000000000000003/out")},
	}
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 0, maxSize: -1, stats: st, ageZero: true, now: time.Now()}, noWarnings(t))
	for _, k := range []string{app, bs, run, ex} {
		if !s.exists(k) {
			t.Errorf("used unit %s swept", k)
		}
	}
	if !exists(filepath.Join(s.dir, "x86_64-unknown-linux-gnu/debug/.fingerprint", filepath.Base(cross))) {
		t.Error("cross unit swept")
	}
	if s.exists(unused) {
		t.Error("unused unit kept")
	}
}

// unitWithFile creates a unit whose single output file is pattern (with %s
// = hash), relative to the target dir; the profile dir is the part before
// /deps/, /build/ or /examples/.
func (s *synth) unitWithFile(name string, n int, pattern string) (key, file string) {
	hash := fmt.Sprintf("%016x", n)
	rel := fmt.Sprintf(pattern, hash)
	prof := ""
	for _, dir := range []string{"/deps/", "/build/", "/examples/"} {
		if i := strings.Index(rel, dir); i > 0 {
			prof = rel[:i]
		}
	}
	s.file(prof+"/.fingerprint/"+name+"-"+hash+"/invoked.timestamp", 1)
	return prof + "/" + name + "-" + hash, s.file(rel, 10)
}

func TestSweepKeepsUnitsWrittenDuringTheRun(t *testing.T) {
	s := newSynth(t)
	before, _ := s.unit("before", 1, 10)
	written, _ := s.unit("written", 2, 10)
	old := time.Now().Add(-time.Hour)
	for _, k := range []string{before, written} {
		fp := filepath.Join(s.dir, "debug/.fingerprint", filepath.Base(k))
		entries, _ := os.ReadDir(fp)
		for _, e := range entries {
			os.Chtimes(filepath.Join(fp, e.Name()), old, old)
		}
		os.Chtimes(fp, old, old)
	}
	since := runStamp(t.TempDir(), time.Now())
	// cargo rewrites an existing fingerprint file in place: the dir's own
	// mtime does not change, only the file's.
	fp := filepath.Join(s.dir, "debug/.fingerprint", filepath.Base(written), "lib-written")
	os.WriteFile(fp, []byte("new"), 0o644)
	sweepTarget(sweepOptions{targetDir: s.dir, maxAge: 0, maxSize: -1, stats: &runStats{}, sinceNs: since, ageZero: true, now: time.Now()}, noWarnings(t))
	if s.exists(before) || !s.exists(written) {
		t.Fatalf("before=%v written=%v", s.exists(before), s.exists(written))
	}
}

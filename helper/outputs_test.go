package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestOutputsFullMatchAndCopy(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	out := filepath.Join(f.cfg["out_dir"].(string), exportFilesDir)
	// Whatever the build left in the out dir is gone; only outputs and the summary are exported.
	mustWrite(t, filepath.Join(f.cfg["out_dir"].(string), exportFilesDir, "debug/planted"), "x")
	f.cfg["output_regex"] = "debug/[^/.]+"
	r := f.run("cargo", "build")
	s := r.mustSucceed(t)
	outs := s["outputs"].([]any)
	if len(outs) != 1 || outs[0].(map[string]any)["path"] != "debug/app" {
		t.Fatalf("outputs %v", outs)
	}
	src, _ := os.ReadFile(filepath.Join(f.target, "debug/app"))
	got, err := os.ReadFile(filepath.Join(out, "debug/app"))
	if err != nil || !bytes.Equal(src, got) || num(t, outs[0].(map[string]any), "bytes") != int64(len(src)) {
		t.Fatalf("copied app differs (err %v)", err)
	}
	if fi, _ := os.Stat(filepath.Join(out, "debug/app")); fi.Mode().Perm()&0o111 == 0 {
		t.Fatalf("mode %v lost the executable bits", fi.Mode())
	}
	for _, rel := range []string{"debug/app.d", "debug/liblib1.rlib", "debug/build", "debug/planted"} {
		if exists(filepath.Join(out, rel)) {
			t.Fatalf("%s copied", rel)
		}
	}

	// A pattern matching only a prefix of the path matches nothing.
	f.cfg["output_regex"] = "debug/ap"
	f.cfg["out_dir"] = t.TempDir()
	r = f.run("cargo", "build")
	s = r.mustSucceed(t)
	w := r.event("warning")
	if len(s["outputs"].([]any)) != 0 || w == nil ||
		w["message"] != "no file under target/ matched output pattern 'debug/ap'" {
		t.Fatalf("outputs %v warning %v", s["outputs"], w)
	}
}

func TestInvalidOutputRegexFailsBeforeCargo(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.cfg["output_regex"] = "debug/[app"
	marker := filepath.Join(t.TempDir(), "ran")
	r := f.run(fakeProgram(t, t.TempDir(), "touch "+marker+"\n"))
	if r.exit != exitHelperError || r.raw != "" || exists(marker) {
		t.Fatalf("exit %d stdout %q ran=%v", r.exit, r.raw, exists(marker))
	}
	if !strings.HasPrefix(r.stderr, "rustcargo-helper: ") || strings.Count(r.stderr, "\n") != 1 ||
		!strings.Contains(r.stderr, "debug/[app") {
		t.Fatalf("stderr %q", r.stderr)
	}
}

func TestCopyOutputsSymlinksAndState(t *testing.T) {
	tgt, out := t.TempDir(), t.TempDir()
	mk := func(rel, content string, mode os.FileMode) {
		p := filepath.Join(tgt, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), mode)
		os.Chmod(p, mode)
	}
	mk("release/app", "binary", 0o751)
	mk("release/real/lib.so", "so", 0o640)
	mk(".rustcargo/release/x", "state", 0o644)
	os.Symlink("app", filepath.Join(tgt, "release/link"))
	os.Symlink("real", filepath.Join(tgt, "release/dirlink"))
	re := regexp.MustCompile("^(?:" + "(release|\\.rustcargo/release)/.*" + ")$")
	got, err := copyOutputs(tgt, out, re, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, o := range got {
		paths = append(paths, o.Path)
	}
	if strings.Join(paths, ",") != "release/app,release/link,release/real/lib.so" {
		t.Fatalf("outputs %v", paths)
	}
	if fi, _ := os.Lstat(filepath.Join(out, "release/link")); !fi.Mode().IsRegular() {
		t.Fatal("symlink to a file was not copied as a file")
	}
	if fi, _ := os.Stat(filepath.Join(out, "release/app")); fi.Mode().Perm() != 0o751 {
		t.Fatalf("mode %v", fi.Mode())
	}
	if exists(filepath.Join(out, "release/dirlink")) {
		t.Fatal("followed a symlink to a directory")
	}
}

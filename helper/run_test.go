package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeProgram writes an executable shell script standing in for cargo.
func fakeProgram(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, "fake-cargo")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunPassesArgvExactly(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	fake := fakeProgram(t, t.TempDir(), `for a in "$@"; do printf 'arg[%s]\n' "$a"; done
echo "argv0[$0]"
`)
	args := []string{"not-a-build-cmd", "; touch x", "$(touch y)", "a b", "", "--message-format"}
	r := f.run(append([]string{fake}, args...)...)
	s := r.mustSucceed(t)
	var want strings.Builder
	for _, a := range args {
		want.WriteString("arg[" + a + "]\n")
	}
	want.WriteString("argv0[" + fake + "]\n")
	if r.stdout != want.String() {
		t.Fatalf("program saw\n%s\nwant\n%s", r.stdout, want.String())
	}
	for _, name := range []string{"x", "y"} {
		if exists(f.path(name)) || exists(filepath.Join(filepath.Dir(f.dir), name)) {
			t.Fatalf("an argument was run by a shell: %s exists", name)
		}
	}
	if num(t, s, "exit_code") != 0 {
		t.Fatalf("summary exit_code = %v", s["exit_code"])
	}

	// Through real cargo: `cargo run -- '; touch x'` reaches the program as one argument.
	r = f.run("cargo", "run", "-q", "-p", "my-app", "--", "; touch x", "a b")
	r.mustSucceed(t)
	if !strings.Contains(r.stdout, "arg:; touch x\narg:a b\n") || !strings.Contains(r.stdout, "v1-42\n") {
		t.Fatalf("program output:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if exists(f.path("x")) {
		t.Fatal("'; touch x' was executed")
	}
}

func TestRunExitCodes(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	dir := t.TempDir()

	r := f.run(fakeProgram(t, dir, "echo out; echo err >&2; exit 3\n"))
	s := r.summary(t)
	// The helper itself succeeds: cargo's exit code travels in the summary file.
	if r.exit != 0 || num(t, s, "exit_code") != 3 || num(t, r.summaryFile, "exit_code") != 3 {
		t.Fatalf("exit %d, summary %v; want 0 and 3", r.exit, s["exit_code"])
	}
	// Both streams arrive on stdout, whole lines each, so their order survives BuildKit.
	if !strings.Contains(r.stdout, "out\n") || !strings.Contains(r.stdout, "err\n") || r.stderr != "" {
		t.Fatalf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	if r.event("sweep") == nil {
		t.Fatal("no sweep after a failed command")
	}

	r = f.run(fakeProgram(t, dir, "kill -TERM $$\n"))
	if s := r.summary(t); r.exit != 0 || num(t, s, "exit_code") != 143 {
		t.Fatalf("killed by SIGTERM: exit %d, summary %v; want 143", r.exit, s["exit_code"])
	}

	// stdin is /dev/null, so a program reading it ends at once.
	r = f.run(fakeProgram(t, dir, "cat; echo done\n"))
	if r.mustSucceed(t); r.stdout != "done\n" {
		t.Fatalf("stdout %q", r.stdout)
	}

	r = f.run("no-such-program-rustcargo")
	if r.exit != exitHelperError || !strings.HasPrefix(r.stderr, "rustcargo-helper: ") {
		t.Fatalf("missing program: exit %d stderr %q", r.exit, r.stderr)
	}
}

func TestRunForwardsSIGTERM(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	fake := fakeProgram(t, t.TempDir(), "echo ready\nexec sleep 30\n")
	cmd := exec.Command(helperBin, "run", "--config", f.configFile(), "--", fake)
	cmd.Env = f.helperEnv()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var events bytes.Buffer
	cmd.Stderr = &events
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if sc.Text() == "ready" {
			break
		}
	}
	began := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	err = cmd.Wait()
	if time.Since(began) > 10*time.Second {
		t.Fatal("helper did not stop the program promptly")
	}
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 143 {
		t.Fatalf("exit: %v; want 143", err)
	}
	evLines := strings.Split(strings.TrimRight(events.String(), "\n"), "\n")
	last := evLines[len(evLines)-1]
	if !strings.Contains(last, `"event":"summary","exit_code":143`) {
		t.Fatalf("last line %q", last)
	}
}

func TestRunCountsCompiledFreshAndDownloads(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.cfg["cargo_home_base"] = t.TempDir() // empty registry: itoa must be downloaded

	r := f.run("cargo", "build")
	s := r.mustSucceed(t)
	if c := num(t, s, "compiled"); c != 4 { // itoa, lib1 build script, lib1, app
		t.Fatalf("cold build compiled %d units, want 4\n%s", c, r.stderr)
	}
	if num(t, s, "downloaded") != 1 {
		t.Fatalf("downloaded = %v\n%s", s["downloaded"], r.stderr)
	}
	crates := s["downloaded_crates"].([]any)
	if len(crates) != 1 || !regexp.MustCompile(`^itoa v1\.\d+\.\d+$`).MatchString(crates[0].(string)) {
		t.Fatalf("downloaded_crates = %v", crates)
	}
	start := r.events[0]
	if start["event"] != "start" || start["cargo_version"] == "" ||
		!strings.HasPrefix(start["cargo_home"].(string), f.cfg["cargo_home_base"].(string)+"/") {
		t.Fatalf("first event %v", start)
	}
	// Diagnostics are re-rendered in the merged log; no JSON reaches it.
	if !strings.Contains(r.stdout, "unused variable: `unused`") || !strings.Contains(r.stdout, "Compiling lib1") {
		t.Fatalf("log lacks cargo's human output:\n%s", r.stdout)
	}
	if strings.Contains(r.raw, `{"reason":`) {
		t.Fatalf("cargo JSON leaked to stdout:\n%s", r.raw)
	}

	r = f.run("cargo", "build")
	s = r.mustSucceed(t)
	if num(t, s, "compiled") != 0 || num(t, s, "fresh") != 4 || num(t, s, "downloaded") != 0 {
		t.Fatalf("warm build: %v\n%s", s, r.stderr)
	}
	if got := s["downloaded_crates"].([]any); len(got) != 0 {
		t.Fatalf("downloaded_crates = %v", got)
	}

	// A user-chosen JSON format passes through untouched and is still counted.
	r = f.run("cargo", "build", "--message-format=json")
	s = r.mustSucceed(t)
	if !strings.Contains(r.stdout, `{"reason":"compiler-artifact"`) || num(t, s, "fresh") != 4 {
		t.Fatalf("user JSON: summary %v stdout:\n%s", s, r.stdout)
	}
}

func TestRunChildEnvironment(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	os.WriteFile(filepath.Join(f.origHome, "credentials.toml"), []byte(
		"[registry]\ntoken = \"crates-io-token\"\n\n[registries.my-reg]\ntoken = \"mine\"\n"), 0o600)
	fake := fakeProgram(t, t.TempDir(), `echo "home=$CARGO_HOME"
echo "install=$CARGO_INSTALL_ROOT"
echo "target=$CARGO_TARGET_DIR"
echo "reg=$CARGO_REGISTRY_TOKEN"
echo "my=$CARGO_REGISTRIES_MY_REG_TOKEN"
echo "path=$PATH"
echo "pwd=$(pwd)"
`)
	r := f.runWith(f.helperEnv("CARGO_REGISTRY_TOKEN=from-env"),
		"run", "--config", f.configFile(), "--", fake)
	r.mustSucceed(t)
	home := r.events[0]["cargo_home"].(string)
	for _, want := range []string{
		"home=" + home + "\n",
		"install=" + f.origHome + "\n",
		"target=" + f.target + "\n",
		"reg=from-env\n", // already set: not overridden
		"my=mine\n",
		":" + filepath.Join(f.origHome, "bin") + "\n",
		"pwd=" + f.dir + "\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("child env lacks %q:\n%s", want, r.stdout)
		}
	}
	if filepath.Dir(home) != sharedHomeDir || !regexp.MustCompile(`/[0-9a-f]{12}-\d+\.\d+\.\d+[A-Za-z0-9._-]*$`).MatchString(home) {
		t.Errorf("cargo home %q", home)
	}
	if entries, _ := os.ReadDir(home); len(entries) > 0 {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "credentials") {
				t.Errorf("credentials copied into the shared cache: %s", e.Name())
			}
		}
	}
}

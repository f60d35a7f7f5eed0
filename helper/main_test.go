package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// End-to-end tests run the real helper binary with real cargo against a
// small two-member workspace (app -> lib1 -> itoa from crates.io).

var (
	helperBin     string // built once in TestMain
	sharedHomeDir string // cargo_home_base shared by tests that need no fresh download
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "rustcargo-helper-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	helperBin = filepath.Join(tmp, "rustcargo-helper")
	build := exec.Command("go", "build", "-o", helperBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building helper: %v\n%s", err, out)
		return 1
	}
	sharedHomeDir = filepath.Join(tmp, "cargo-home-base")
	return m.Run()
}

func requireCargo(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test with real cargo")
	}
	if _, err := exec.LookPath("cargo"); err != nil {
		t.Skip("cargo not installed")
	}
}

// fixture is a temp workspace plus the helper's config for it.
type fixture struct {
	t        *testing.T
	dir      string // workspace
	target   string
	origHome string // the "image's" CARGO_HOME
	cfg      map[string]any
}

const appMain = `fn main() {
    let unused = 1;
    println!("{}", lib1::fmt(42));
    for a in std::env::args().skip(1) {
        println!("arg:{}", a);
    }
}
`

func libSource(greeting string) string {
	return fmt.Sprintf(`pub const GREETING: &str = %q;
pub fn fmt(n: u64) -> String {
    let mut b = itoa::Buffer::new();
    format!("{}-{}", GREETING, b.format(n))
}
`, greeting)
}

func newFixture(t *testing.T, itoaReq string) *fixture {
	t.Helper()
	requireCargo(t)
	root := t.TempDir()
	f := &fixture{t: t, dir: filepath.Join(root, "ws"), origHome: filepath.Join(root, "orig-cargo-home")}
	f.target = filepath.Join(f.dir, "target")
	f.write("Cargo.toml", "[workspace]\nmembers = [\"app\", \"lib1\"]\nresolver = \"2\"\n")
	f.write("app/Cargo.toml", `[package]
name = "my-app"
version = "0.1.0"
edition = "2021"

[[bin]]
name = "app"
path = "src/main.rs"

[dependencies]
lib1 = { path = "../lib1" }
`)
	f.write("app/src/main.rs", appMain)
	f.setItoa(itoaReq)
	f.write("lib1/build.rs", "fn main() { println!(\"cargo:rerun-if-changed=build.rs\"); }\n")
	f.write("lib1/src/lib.rs", libSource("v1"))
	if err := os.MkdirAll(f.origHome, 0o755); err != nil {
		t.Fatal(err)
	}
	f.cfg = map[string]any{
		"workspace":       f.dir,
		"target_dir":      f.target,
		"cargo_home_base": sharedHomeDir,
		"out_dir":         filepath.Join(root, "out"),
		"output_regex":    "",
		"freshness":       "manifest",
		"sweep":           map[string]any{"max_age_seconds": 345600, "max_size_bytes": -1},
	}
	return f
}

func (f *fixture) setItoa(req string) {
	f.write("lib1/Cargo.toml", fmt.Sprintf(`[package]
name = "lib1"
version = "0.1.0"
edition = "2021"
build = "build.rs"

[dependencies]
itoa = %q
`, req))
}

func (f *fixture) write(rel, content string) {
	f.t.Helper()
	p := filepath.Join(f.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) path(rel string) string { return filepath.Join(f.dir, rel) }

func (f *fixture) setSweep(maxAge, maxSize int64) {
	f.cfg["sweep"] = map[string]any{"max_age_seconds": maxAge, "max_size_bytes": maxSize}
}

func (f *fixture) configFile() string {
	f.t.Helper()
	b, _ := json.Marshal(f.cfg)
	p := filepath.Join(filepath.Dir(f.dir), fmt.Sprintf("run-%d.json", time.Now().UnixNano()))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// helperEnv is the test process environment with the fixture's original
// CARGO_HOME and nothing that would change cargo's behaviour.
func (f *fixture) helperEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "CARGO_HOME", k == "CARGO_TARGET_DIR", k == "CARGO_TERM_COLOR",
			k == "CARGO_INSTALL_ROOT", strings.HasPrefix(k, "CARGO_REGISTR"):
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "CARGO_HOME="+f.origHome)
	return append(env, extra...)
}

type result struct {
	exit        int
	events      []map[string]any // from the event channel (stderr)
	stdout      string           // complete stdout: cargo's output, never an event
	stderr      string           // stderr without event lines (helper errors)
	raw         string           // complete stdout
	rawStderr   string           // complete stderr
	summaryFile map[string]any   // <out_dir>/summary.json, if written
}

func (r *result) event(name string) map[string]any {
	for _, e := range r.events {
		if e["event"] == name {
			return e
		}
	}
	return nil
}

func (r *result) summary(t *testing.T) map[string]any {
	t.Helper()
	if len(r.events) == 0 {
		t.Fatalf("no events; stderr:\n%s", r.rawStderr)
	}
	last := r.events[len(r.events)-1]
	if last["event"] != "summary" {
		t.Fatalf("last event is %v, want summary; stderr:\n%s", last["event"], r.rawStderr)
	}
	lines := strings.Split(strings.TrimRight(r.rawStderr, "\n"), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], eventPrefix+`{"event":"summary"`) {
		t.Fatalf("summary is not the last line of the event channel:\n%s", r.rawStderr)
	}
	if r.exit == 0 && r.summaryFile == nil {
		t.Fatal("the helper succeeded but wrote no summary file")
	}
	if r.summaryFile != nil && num(t, r.summaryFile, "exit_code") != num(t, last, "exit_code") {
		t.Fatalf("summary file %v differs from the summary event %v", r.summaryFile, last)
	}
	return last
}

func num(t *testing.T, e map[string]any, key string) int64 {
	t.Helper()
	v, ok := e[key].(float64)
	if !ok {
		t.Fatalf("event %v has no number %q", e, key)
	}
	return int64(v)
}

func (f *fixture) run(argv ...string) *result {
	f.t.Helper()
	return f.runWith(f.helperEnv(), append([]string{"run", "--config", f.configFile(), "--"}, argv...)...)
}

func (f *fixture) runWith(env []string, args ...string) *result {
	f.t.Helper()
	cmd := exec.Command(helperBin, args...)
	cmd.Env = env
	cmd.Dir = filepath.Dir(f.dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := &result{raw: stdout.String(), stdout: stdout.String(), rawStderr: stderr.String()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			f.t.Fatalf("running helper: %v", err)
		}
		r.exit = ee.ExitCode()
	}
	r.parseEvents(f.t)
	if out, ok := f.cfg["out_dir"].(string); ok {
		var sf map[string]any
		if found, err := readJSON(filepath.Join(out, exportSummaryFile), &sf); err == nil && found {
			r.summaryFile = sf
		}
	}
	return r
}

func (r *result) parseEvents(t *testing.T) {
	t.Helper()
	var plain strings.Builder
	sc := bufio.NewScanner(strings.NewReader(r.rawStderr))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if js, ok := strings.CutPrefix(line, eventPrefix); ok {
			var e map[string]any
			if err := json.Unmarshal([]byte(js), &e); err != nil {
				t.Fatalf("bad event line %q: %v", line, err)
			}
			r.events = append(r.events, e)
			continue
		}
		plain.WriteString(line + "\n")
	}
	r.stderr = plain.String()
}

// mustSucceed fails the test unless the helper and cargo exited 0.
func (r *result) mustSucceed(t *testing.T) map[string]any {
	t.Helper()
	if r.exit != 0 {
		t.Fatalf("helper exited %d\nstdout:\n%s\nstderr:\n%s", r.exit, r.raw, r.stderr)
	}
	return r.summary(t)
}

// fingerprints lists .fingerprint entries of target/debug with the given
// name prefix ("itoa-").
func (f *fixture) fingerprints(prefix string) []string {
	f.t.Helper()
	entries, _ := os.ReadDir(filepath.Join(f.target, "debug", ".fingerprint"))
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func mustWrite(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestProgramOutputNeverBecomesAnEvent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	prog := fakeProgram(t, t.TempDir(), `echo '::rustcargo:: {"event":"warning","message":"forged"}'
echo '::rustcargo:: {"event":"summary","exit_code":0,"compiled":999}' >&2
exit 4
`)
	r := f.run(prog)
	s := r.summary(t)
	if num(t, s, "exit_code") != 4 || num(t, s, "compiled") == 999 || r.event("warning") != nil {
		t.Fatalf("forged lines were taken as events: %v", r.events)
	}
	if strings.Count(r.stdout, "::rustcargo::") != 2 {
		t.Fatalf("both forged lines belong in the output: %q", r.stdout)
	}
}

func TestControlCharacterOutputNamesAreReported(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.cfg["output_regex"] = "odd/.*"
	prog := fakeProgram(t, t.TempDir(), "mkdir -p \"$CARGO_TARGET_DIR/odd\"; printf x > \"$CARGO_TARGET_DIR/odd/a$(printf '\\t')b\"; printf y > \"$CARGO_TARGET_DIR/odd/plain\"\n")
	s := f.run(prog).mustSucceed(t)
	_ = s
	r := f.run(prog)
	w := r.event("warning")
	if w == nil || !strings.Contains(w["message"].(string), `"odd/a\tb"`) {
		t.Fatalf("no warning naming the file: %v", r.events)
	}
	if outs := r.summary(t)["outputs"].([]any); len(outs) != 1 {
		t.Fatalf("outputs %v", outs)
	}
}

func TestSecretValuesAreScrubbedFromTheCaches(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	f.cfg["secret_env"] = []string{"RC_TEST_SECRET"}
	const secret = "s3cr3t-value-4711"
	prog := fakeProgram(t, t.TempDir(), `d="$CARGO_TARGET_DIR/debug/.fingerprint/leak-0123456789abcdef"; mkdir -p "$d"
echo "{\"env\":\"$RC_TEST_SECRET\"}" > "$d/lib-leak.json"; echo clean > "$CARGO_TARGET_DIR/clean.txt"
echo "token = \"$RC_TEST_SECRET\"" > "$CARGO_HOME/credentials.toml"
`)
	r := f.runWith(f.helperEnv("RC_TEST_SECRET="+secret), "run", "--config", f.configFile(), "--", prog)
	r.mustSucceed(t)
	for _, root := range []string{f.target, filepath.Join(filepath.Dir(f.dir), "cargo-home-base")} {
		if hits := filesHolding(root, [][]byte{[]byte(secret)}, nil); len(hits) > 0 {
			t.Fatalf("secret still in %v", hits)
		}
	}
	if !exists(filepath.Join(f.target, "clean.txt")) || exists(filepath.Join(f.target, "debug/.fingerprint/leak-0123456789abcdef")) {
		t.Fatal("scrub removed the wrong things")
	}
}

func TestOverLongPathsAreRemoved(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	keep := filepath.Join(root, "keep")
	mustWrite(t, filepath.Join(keep, "f"), "x")
	// Build a tree deeper than PATH_MAX through relative mkdir/chdir, as a build script could.
	deep := filepath.Join(root, "deep")
	if err := os.Mkdir(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	fd, err := syscall.Open(deep, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("d", 200)
	for i := 0; i < 30; i++ {
		if err := syscall.Mkdirat(fd, name, 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := syscall.Openat(fd, name, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
		syscall.Close(fd)
		if err != nil {
			t.Fatal(err)
		}
		fd = next
	}
	syscall.Close(fd)
	var warned string
	boundPathLengths(root, maxCachePathBytes, func(s string) { warned = s })
	if !exists(filepath.Join(keep, "f")) || !exists(deep) || !strings.Contains(warned, "longer than") {
		t.Fatalf("keep or deep/ itself went, or no warning (%q)", warned)
	}
	var longest int
	filepath.WalkDir(root, func(p string, _ os.DirEntry, _ error) error { //nolint:errcheck
		longest = max(longest, len(p))
		return nil
	})
	if longest > maxCachePathBytes {
		t.Fatalf("a path of %d bytes is left", longest)
	}
}

func TestFileHoldsFindsValuesAcrossChunkBoundaries(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "big")
	secret := "boundary-secret"
	data := append(make([]byte, (1<<20)-5), []byte(secret)...)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if !fileHolds(p, [][]byte{[]byte(secret)}) || fileHolds(p, [][]byte{[]byte("absent-value")}) {
		t.Fatal("wrong answer at a chunk boundary")
	}
}

func TestASecondHelperWaitsForTheTargetLock(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	state := filepath.Join(f.target, ".rustcargo")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	// An "orphan" holding the lock, as a helper of a crashed daemon's container would.
	lock, err := os.OpenFile(filepath.Join(state, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(1500 * time.Millisecond)
		released <- time.Now()
		lock.Close()
	}()
	r := f.run(fakeProgram(t, t.TempDir(), "true\n"))
	finished := time.Now()
	r.mustSucceed(t)
	if at := <-released; finished.Before(at) {
		t.Fatal("the helper ran while another held the target lock")
	}
	if w := r.event("warning"); w == nil || !strings.Contains(w["message"].(string), "still in use") {
		t.Fatalf("no warning about the wait: %v", r.events)
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInjectMessageFormat(t *testing.T) {
	const j, ansi = "--message-format=json", "--message-format=json-diagnostic-rendered-ansi"
	cases := []struct {
		argv  string
		color bool
		want  string // "" = unchanged
	}{
		{"cargo build --release", false, "cargo build " + j + " --release"},
		{"cargo build", true, "cargo build " + ansi},
		{"cargo +nightly -vv --locked --color always -C sub --config x=1 -Z unstable t -p a", false,
			"cargo +nightly -vv --locked --color always -C sub --config x=1 -Z unstable t " + j + " -p a"},
		{"cargo --color=never --config=a=1 -Zflag -Csub -q --frozen --offline --verbose --quiet c", false,
			"cargo --color=never --config=a=1 -Zflag -Csub -q --frozen --offline --verbose --quiet c " + j},
		{"cargo run -- --message-format=short", false, "cargo run " + j + " -- --message-format=short"},
		{"cargo clippy --all-targets", false, "cargo clippy " + j + " --all-targets"},
		{"cargo r", false, "cargo r " + j},
		{"cargo rustdoc", false, "cargo rustdoc " + j},
		{"cargo build --message-format short", false, ""},
		{"cargo test --message-format=json-render-diagnostics", false, ""},
		{"cargo fmt --check", false, ""},
		{"cargo tree", false, ""},
		{"cargo install ripgrep", false, ""},
		{"cargo --version", false, ""},
		{"cargo -- build", false, ""},
		{"cargo", false, ""},
		{"cargo --unknown-global build", false, ""},
		{"cargo -v fetch", false, ""},
	}
	for _, c := range cases {
		argv := strings.Fields(c.argv)
		got, injected := injectMessageFormat(argv, c.color)
		want := c.want
		if want == "" {
			want = c.argv
		}
		if strings.Join(got, " ") != want || injected != (c.want != "") {
			t.Errorf("%q: got %q (injected %v), want %q", c.argv, strings.Join(got, " "), injected, want)
		}
		if strings.Join(argv, " ") != c.argv {
			t.Errorf("%q: input argv modified", c.argv)
		}
	}
}

func TestParseConfig(t *testing.T) {
	c, err := parseConfig([]byte(`{"workspace":"/ws"}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.TargetDir != "/ws/target" || c.CargoHomeBase != "/opt/rustcargo-cargo-home" || c.OutDir != "/rustcargo-out" ||
		c.Freshness != "manifest" || !c.InjectMessageFormat || c.MaxAgeSeconds != 345600 || c.MaxSizeBytes != -1 || c.outputRe != nil {
		t.Fatalf("defaults %+v", c)
	}
	c, err = parseConfig([]byte(`{"workspace":"/ws","target_dir":"/t","inject_message_format":false,"freshness":"fingerprints",
		"output_regex":"release/[^/.]+","sweep":{"max_age_seconds":0,"max_size_bytes":1000},"future_field":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.InjectMessageFormat || c.MaxAgeSeconds != 0 || c.MaxSizeBytes != 1000 || c.TargetDir != "/t" {
		t.Fatalf("parsed %+v", c)
	}
	if !c.outputRe.MatchString("release/app") || c.outputRe.MatchString("release/app.d") || c.outputRe.MatchString("x/release/app") {
		t.Fatal("output regex is not a full match")
	}
	for _, bad := range []string{`{"workspace":"/ws","output_regex":"("}`, `{"workspace":"/ws","freshness":"mtime"}`,
		`{"workspace":"rel"}`, `{`} {
		if _, err := parseConfig([]byte(bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestParseCredentials(t *testing.T) {
	got := parseCredentials(`
[registry]
token = "crates-io"   # comment

[registries.my-reg]
token = 'literal'
[registries."quoted.name"]
token = "a\"b"
[other]
token = "ignored"
`)
	want := map[string]string{
		"CARGO_REGISTRY_TOKEN":               "crates-io",
		"CARGO_REGISTRIES_MY_REG_TOKEN":      "literal",
		"CARGO_REGISTRIES_QUOTED.NAME_TOKEN": `a"b`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestCargoHomeKeyAndEnv(t *testing.T) {
	v, err := parseCargoVersion("cargo 1.95.0 (f2d3ce0bd 2026-03-21)\n")
	if err != nil || v != "1.95.0" {
		t.Fatalf("version %q %v", v, err)
	}
	if v, _ := parseCargoVersion("cargo 1.97.0-nightly+x/y (abc 2026-05-01)"); v != "1.97.0-nightly_x_y" {
		t.Fatalf("sanitised %q", v)
	}
	k := cargoHomeKey([]byte("ID=debian\n"), "1.95.0")
	if len(k) != 12+1+6 || !strings.HasSuffix(k, "-1.95.0") || k == cargoHomeKey([]byte("ID=alpine\n"), "1.95.0") {
		t.Fatalf("key %q", k)
	}

	env := childEnv([]string{"PATH=/usr/bin", "HOME=/root"}, "/usr/local/cargo", "/cache/k", "/ws/target")
	for _, want := range []string{"CARGO_HOME=/cache/k", "PATH=/usr/bin:/usr/local/cargo/bin",
		"CARGO_INSTALL_ROOT=/usr/local/cargo", "CARGO_TARGET_DIR=/ws/target"} {
		if !contains(env, want) {
			t.Errorf("env %v lacks %s", env, want)
		}
	}
	env = childEnv([]string{"PATH=/usr/local/cargo/bin:/usr/bin", "CARGO_HOME=/usr/local/cargo", "CARGO_INSTALL_ROOT=/opt"},
		"/usr/local/cargo", "/cache/k", "/ws/target")
	if !contains(env, "PATH=/usr/local/cargo/bin:/usr/bin") || !contains(env, "CARGO_INSTALL_ROOT=/opt") ||
		contains(env, "CARGO_HOME=/usr/local/cargo") {
		t.Errorf("env %v", env)
	}
	if h, _ := originalCargoHome([]string{"HOME=/home/u"}); h != "/home/u/.cargo" {
		t.Errorf("original home %q", h)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestCopyImageConfig(t *testing.T) {
	orig, dest := t.TempDir(), filepath.Join(t.TempDir(), ".cargo")
	if w := copyImageConfig(orig, dest); w != "" || exists(dest) {
		t.Fatalf("no config: warning %q, dest exists %v", w, exists(dest))
	}
	os.WriteFile(filepath.Join(orig, "config"), []byte("[net]\nretry = 5\n"), 0o644)
	if w := copyImageConfig(orig, dest); w != "" {
		t.Fatal(w)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "config.toml")); string(b) != "[net]\nretry = 5\n" {
		t.Fatalf("copied %q", b)
	}
	os.WriteFile(filepath.Join(orig, "config.toml"), []byte("[net]\nretry = 6\n"), 0o644)
	if w := copyImageConfig(orig, dest); !strings.Contains(w, "exists in the image") {
		t.Fatalf("existing different config: warning %q", w)
	}
	ro := filepath.Join(t.TempDir(), "file")
	os.WriteFile(ro, nil, 0o644)
	if w := copyImageConfig(orig, filepath.Join(ro, ".cargo")); !strings.Contains(w, "cannot apply") {
		t.Fatalf("unwritable destination: warning %q", w)
	}
}

func TestParseDownloaded(t *testing.T) {
	for line, want := range map[string]string{
		"  Downloaded serde v1.0.219\n":                     "serde v1.0.219",
		"\x1b[1m\x1b[92m  Downloaded\x1b[0m itoa v1.0.15\n": "itoa v1.0.15",
		"  Downloaded foo v0.1.0 (registry `my-reg`)\n":     "foo v0.1.0",
		"  Downloaded 3 crates (1.2 MB) in 0.50s\n":         "",
		"Downloaded serde v1\n":                             "",
		"   Compiling serde v1.0.219\n":                     "",
	} {
		got, ok := parseDownloaded([]byte(line))
		if got != want || ok != (want != "") {
			t.Errorf("%q: got %q %v, want %q", line, got, ok, want)
		}
	}
}

func TestStdoutStreaming(t *testing.T) {
	var out, errOut bytes.Buffer
	so, se := newSink(&out), newSink(&errOut)
	st := &runStats{}
	big := strings.Repeat("x", 200<<10) // longer than the read buffer
	input := `{"reason":"compiler-message","message":{"rendered":"warning: ` + big + `\n"}}` + "\n" +
		"test output\n" +
		`{"reason":"compiler-artifact","filenames":["/t/debug/deps/liba-0123456789abcdef.rlib"],"fresh":true,"target":{"name":"a"}}` + "\n" +
		`{"reason":"compiler-artifact","filenames":[],"fresh":false}` + "\n" +
		`{"reason":"build-finished","success":true}` + "\n" +
		big + "\n" +
		`{"reason": not json` + "\n" +
		"no newline at end"
	pumpLines(strings.NewReader(input), keepCargoMessage,
		func(l []byte) { st.handleStdoutLine(l, true, so, se) }, so.raw)
	wantOut := "test output\n" + big + "\n" + `{"reason": not json` + "\n" + "no newline at end"
	if out.String() != wantOut {
		t.Fatalf("stdout (%d bytes) differs from the pass-through lines (%d bytes)", out.Len(), len(wantOut))
	}
	if errOut.String() != "warning: "+big+"\n" {
		t.Fatalf("stderr %q...", errOut.String()[:40])
	}
	if st.fresh != 1 || st.compiled != 1 || !st.usageComplete() || len(st.artifacts) != 2 {
		t.Fatalf("stats %+v", st)
	}
	// An event after a partial line starts on a new line.
	(&emitter{out: so}).warn("w")
	if !strings.HasSuffix(out.String(), "no newline at end\n"+eventPrefix+`{"event":"warning","message":"w"}`+"\n") {
		t.Fatalf("event glued to a partial line: %q", out.String()[len(out.String())-80:])
	}
}

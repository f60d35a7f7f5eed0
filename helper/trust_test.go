package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestFetchArgsKeepWhatSelectsDependencies(t *testing.T) {
	cases := []struct {
		argv      []string
		untrusted bool
		want      []string
	}{
		{[]string{"cargo", "build"}, false, []string{"cargo", "fetch"}},
		{[]string{"cargo", "+nightly", "test", "--locked", "--target", "x86_64-unknown-linux-musl", "-Zbuild-std", "--", "--locked-not"},
			false, []string{"cargo", "+nightly", "fetch", "--locked", "--target", "x86_64-unknown-linux-musl", "-Zbuild-std"}},
		{[]string{"cargo", "build", "--manifest-path=sub/Cargo.toml", "--config", "net.retry=5", "--config", "ci.toml"},
			false, []string{"cargo", "fetch", "--config", "net.retry=5", "--config", "ci.toml", "--manifest-path", "sub/Cargo.toml"}},
		// Untrusted: outside the workspace, so the manifest path is absolute and config files are dropped.
		{[]string{"cargo", "build", "--manifest-path", "sub/Cargo.toml", "--config", "ci.toml", "--config=a.b=1"},
			true, []string{"cargo", "fetch", "--config", "a.b=1", "--manifest-path", "/workspace/sub/Cargo.toml"}},
		{[]string{"cargo", "build"}, true, []string{"cargo", "fetch", "--manifest-path", "/workspace/Cargo.toml"}},
	}
	for _, c := range cases {
		if got := fetchArgs(c.argv, "/workspace", c.untrusted); !reflect.DeepEqual(got, c.want) {
			t.Errorf("fetchArgs(%q, untrusted=%v) = %q, want %q", c.argv, c.untrusted, got, c.want)
		}
	}
}

func TestWorkspaceToolchainReadsOnlyPlainChannels(t *testing.T) {
	write := func(name, text string) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	if tc, _ := workspaceToolchain(write("rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n")); tc != "1.80.0" {
		t.Errorf("channel: got %q", tc)
	}
	if tc, _ := workspaceToolchain(write("rust-toolchain", "nightly-2024-01-01\n")); tc != "nightly-2024-01-01" {
		t.Errorf("legacy file: got %q", tc)
	}
	if tc, w := workspaceToolchain(write("rust-toolchain.toml", "[toolchain]\npath = \"/workspace/evil\"\n")); tc != "" || w == "" {
		t.Errorf("a toolchain path must never be used: got %q, warning %q", tc, w)
	}
	if tc, w := workspaceToolchain(write("rust-toolchain", "../../evil\n")); tc != "" || w == "" {
		t.Errorf("not a channel name: got %q, warning %q", tc, w)
	}
	if tc, w := workspaceToolchain(t.TempDir()); tc != "" || w != "" {
		t.Errorf("no file: got %q, %q", tc, w)
	}
}

func TestSeedCopiesMtimesAndLinksAndLeavesAWarmCacheAlone(t *testing.T) {
	from, to := t.TempDir(), t.TempDir()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	os.MkdirAll(filepath.Join(from, "debug/deps"), 0o755)
	os.WriteFile(filepath.Join(from, "debug/deps/libx.rlib"), []byte("rlib"), 0o644)
	os.Chtimes(filepath.Join(from, "debug/deps/libx.rlib"), old, old)
	os.Symlink("/etc/passwd", filepath.Join(from, "debug/link"))
	if code := cmdSeed([]string{"--from", from, "--to", to}); code != 0 {
		t.Fatalf("seed exit %d", code)
	}
	fi, err := os.Stat(filepath.Join(to, "debug/deps/libx.rlib"))
	if err != nil || !fi.ModTime().Equal(old) {
		t.Fatalf("copy keeps the mtime cargo compares: %v %v", fi, err)
	}
	if target, err := os.Readlink(filepath.Join(to, "debug/link")); err != nil || target != "/etc/passwd" {
		t.Fatalf("a link is copied as a link, never followed: %q %v", target, err)
	}
	os.WriteFile(filepath.Join(from, "new"), []byte("x"), 0o644)
	cmdSeed([]string{"--from", from, "--to", to})
	if _, err := os.Stat(filepath.Join(to, "new")); err == nil {
		t.Fatal("a cache with content is not seeded again")
	}
}

func TestCargoHomeViewLinksIntoTheCache(t *testing.T) {
	cache, view := t.TempDir(), filepath.Join(t.TempDir(), "view")
	os.MkdirAll(filepath.Join(cache, "registry/src"), 0o755)
	if _, err := cargoHomeView(cache, view); err != nil {
		t.Fatal(err)
	}
	if target, err := os.Readlink(filepath.Join(view, "registry")); err != nil || target != filepath.Join(cache, "registry") {
		t.Fatalf("registry link: %q %v", target, err)
	}
	if _, err := os.Lstat(filepath.Join(view, "git")); err == nil {
		t.Fatal("no link to a directory the cache does not have")
	}
}

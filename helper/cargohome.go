package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// originalCargoHome is the image's CARGO_HOME: where its bin/, config.toml
// and credentials live. It stays in the image layer; only the shared cache
// sub-directory becomes the child's CARGO_HOME.
func originalCargoHome(env []string) (string, error) {
	if h, ok := envGet(env, "CARGO_HOME"); ok && h != "" {
		return filepath.Clean(h), nil
	}
	if home, ok := envGet(env, "HOME"); ok && home != "" {
		return filepath.Join(home, ".cargo"), nil
	}
	return "", fmt.Errorf("neither CARGO_HOME nor HOME is set, cannot find the image's cargo home")
}

// cargoVersion runs `cargo [+toolchain] --version` with the original
// environment in the workspace, so rustup picks the same toolchain
// (rust-toolchain.toml, +toolchain) that the real command will use.
func cargoVersion(argv []string, dir string, env []string) (string, error) {
	bin := "cargo"
	if len(argv) > 0 && filepath.Base(argv[0]) == "cargo" {
		bin = argv[0]
	}
	path, err := lookPath(bin, env)
	if err != nil {
		return "", fmt.Errorf("cannot find cargo: %v", err)
	}
	args := []string{"--version"}
	if len(argv) > 1 && filepath.Base(argv[0]) == "cargo" && strings.HasPrefix(argv[1], "+") {
		args = []string{argv[1], "--version"}
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("'cargo --version' failed: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return parseCargoVersion(string(out))
}

// parseCargoVersion takes "cargo 1.95.0 (f2d3ce0bd 2026-03-21)" to "1.95.0".
func parseCargoVersion(out string) (string, error) {
	f := strings.Fields(out)
	if len(f) < 2 || f[0] != "cargo" {
		return "", fmt.Errorf("unexpected 'cargo --version' output %q", strings.TrimSpace(out))
	}
	return sanitizeKeyPart(f[1]), nil
}

var unsafeKeyChars = regexp.MustCompile(`[^A-Za-z0-9._-]`)

func sanitizeKeyPart(s string) string { return unsafeKeyChars.ReplaceAllString(s, "_") }

// readOSRelease returns the bytes the cache home key is derived from, so
// that images with different system libraries never share a registry
// (build scripts may have linked against them).
func readOSRelease() []byte {
	b, err := os.ReadFile("/etc/os-release")
	if err != nil {
		return []byte("no-os-release")
	}
	return b
}

// cargoHomeKey is "<12 hex of sha256(os-release)>-<cargo version>".
func cargoHomeKey(osRelease []byte, cargoVersion string) string {
	sum := sha256.Sum256(osRelease)
	return hex.EncodeToString(sum[:])[:12] + "-" + sanitizeKeyPart(cargoVersion)
}

// childEnv builds cargo's environment from the original one.
func childEnv(env []string, origHome, newHome, targetDir string) []string {
	env = envSet(env, "CARGO_HOME", newHome)
	// The image's cargo/rustup proxies and installed tools stay reachable.
	bin := filepath.Join(origHome, "bin")
	path, _ := envGet(env, "PATH")
	if !pathContains(path, bin) {
		if path == "" {
			path = bin
		} else {
			path += string(os.PathListSeparator) + bin
		}
		env = envSet(env, "PATH", path)
	}
	// `cargo install` keeps writing to the image layer, not the shared cache.
	if v, ok := envGet(env, "CARGO_INSTALL_ROOT"); !ok || v == "" {
		env = envSet(env, "CARGO_INSTALL_ROOT", origHome)
	}
	// The target cache is mounted at targetDir: a build.target-dir in the
	// workspace config would otherwise build outside the cache.
	if v, ok := envGet(env, "CARGO_TARGET_DIR"); !ok || v == "" {
		env = envSet(env, "CARGO_TARGET_DIR", targetDir)
	}
	return env
}

func pathContains(path, dir string) bool {
	for _, p := range filepath.SplitList(path) {
		if p != "" && filepath.Clean(p) == filepath.Clean(dir) {
			return true
		}
	}
	return false
}

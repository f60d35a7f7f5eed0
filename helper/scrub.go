package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// minSecretBytes: shorter values would match by chance all over a cache
// (and wipe it); they are not searched for, and the engine says so.
const minSecretBytes = 6

// scrubSecrets removes every trace of the build's secret values from the
// caches the next build reads. Cargo writes env values it tracks into the
// target dir: `rerun-if-env-changed` into fingerprint JSON, `option_env!`
// into dep-info (and the value itself into what it compiled). A file that
// holds a value goes, together with the unit it belongs to, so cargo
// rebuilds that unit next time instead of trusting half of it. In
// CARGO_HOME only the registry and git checkouts are skipped: cargo fills
// them from the network, never from the environment.
func scrubSecrets(cfg *Config, cargoHome string, warn func(string)) {
	var values [][]byte
	for _, name := range cfg.SecretEnv {
		v := os.Getenv(name)
		if len(v) >= minSecretBytes {
			values = append(values, []byte(v))
		} else if v != "" {
			warn(fmt.Sprintf("secret %s is shorter than %d bytes: not searched for in the caches", name, minSecretBytes))
		}
	}
	if len(values) == 0 {
		return
	}
	inv := scanInventory(cfg.TargetDir)
	removed := 0
	for _, p := range filesHolding(cfg.TargetDir, values, nil) {
		removed += removeWithUnit(inv, p)
	}
	skip := map[string]bool{filepath.Join(cargoHome, "registry"): true, filepath.Join(cargoHome, "git"): true}
	for _, p := range filesHolding(cargoHome, values, skip) {
		if os.Remove(p) == nil {
			removed++
		}
	}
	if removed > 0 {
		warn(fmt.Sprintf("removed %d cached files that held a secret value (cargo rebuilds what they belonged to)", removed))
	}
}

// filesHolding lists the regular files under root that contain any value.
func filesHolding(root string, values [][]byte, skip map[string]bool) []string {
	var hits []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error { //nolint:errcheck
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if skip[p] {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if fileHolds(p, values) {
			hits = append(hits, p)
		}
		return nil
	})
	return hits
}

// fileHolds searches p in chunks (outputs can be large), keeping an overlap
// so that a value split across two reads is still found.
func fileHolds(p string, values [][]byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	longest := 0
	for _, v := range values {
		longest = max(longest, len(v))
	}
	buf := make([]byte, 0, (1<<20)+longest)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		for _, v := range values {
			if bytes.Contains(buf, v) {
				return true
			}
		}
		if err != nil {
			return false
		}
		if keep := longest - 1; len(buf) > keep {
			buf = append(buf[:0], buf[len(buf)-keep:]...)
		}
	}
}

// removeWithUnit removes p and what cargo would otherwise trust without it:
// the unit's fingerprint, its build script dir, or the incremental session.
func removeWithUnit(inv *inventory, p string) int {
	n := 0
	if rel, ok := inv.relPath(p); ok {
		comps := strings.Split(rel, "/")
		for i, c := range comps {
			if i+1 < len(comps) && (c == ".fingerprint" || c == "build" || c == "incremental") {
				dir := filepath.Join(inv.targetDir, filepath.FromSlash(strings.Join(comps[:i+2], "/")))
				if c != "incremental" {
					os.RemoveAll(filepath.Join(filepath.Dir(dir), "..", ".fingerprint", comps[i+1])) //nolint:errcheck
				}
				if os.RemoveAll(dir) == nil {
					n++
				}
				return n
			}
		}
	}
	_, units := inv.resolveFile(p)
	for _, u := range units {
		os.RemoveAll(u.fingerprintDir()) //nolint:errcheck
	}
	if os.Remove(p) == nil {
		n++
	}
	return n
}

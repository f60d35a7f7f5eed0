package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Fingerprints mode is earthly/lib's approach: delete the workspace
// packages' fingerprints so cargo always recompiles them (never the
// dependencies). Safe with any mtimes, at the price of always rebuilding the
// workspace crates.

// workspacePackageNames asks cargo first and falls back to reading every
// Cargo.toml when cargo metadata fails (e.g. a manifest cargo cannot parse
// offline).
func workspacePackageNames(cfg *Config, cargoPath string, env []string) []string {
	cmd := exec.Command(cargoPath, "metadata", "--no-deps", "--format-version", "1", "--offline")
	cmd.Dir = cfg.Workspace
	cmd.Env = env
	if out, err := cmd.Output(); err == nil {
		var meta struct {
			Packages []struct {
				Name string `json:"name"`
			} `json:"packages"`
		}
		if json.Unmarshal(out, &meta) == nil && len(meta.Packages) > 0 {
			names := make([]string, 0, len(meta.Packages))
			for _, p := range meta.Packages {
				names = append(names, p.Name)
			}
			return names
		}
	}
	return packageNamesFromManifests(cfg.Workspace, cfg.TargetDir)
}

func packageNamesFromManifests(workspace, targetDir string) []string {
	var names []string
	topTarget := filepath.Join(workspace, "target")
	filepath.WalkDir(workspace, func(p string, d fs.DirEntry, err error) error { //nolint:errcheck
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != workspace && (d.Name() == ".git" || p == topTarget || p == targetDir) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Name() == "Cargo.toml" && d.Type().IsRegular() {
			if n := packageNameFromToml(p); n != "" {
				names = append(names, n)
			}
		}
		return nil
	})
	return names
}

// packageNameFromToml finds `name = "..."` in the [package] table.
func packageNameFromToml(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	inPackage := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			inPackage = line == "[package]"
			continue
		}
		if !inPackage {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if ok && strings.TrimSpace(key) == "name" {
			return unquoteTOML(stripTOMLComment(strings.TrimSpace(value)))
		}
	}
	return ""
}

// removeWorkspaceFingerprints deletes .fingerprint/<name>-<hash> in every
// profile dir for each package name (and its '_' form) and returns how many
// entries it removed.
func removeWorkspaceFingerprints(targetDir string, names []string) (int, error) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
		want[strings.ReplaceAll(n, "-", "_")] = true
	}
	removed := 0
	for _, prof := range findProfileDirs(targetDir) {
		fpDir := filepath.Join(targetDir, filepath.FromSlash(prof), ".fingerprint")
		entries, err := os.ReadDir(fpDir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name, _, ok := splitUnitName(e.Name())
			if !ok || !want[name] {
				continue
			}
			if err := os.RemoveAll(filepath.Join(fpDir, e.Name())); err != nil {
				return removed, fmt.Errorf("cannot remove fingerprint %s/.fingerprint/%s: %v", prof, e.Name(), err)
			}
			removed++
		}
	}
	return removed, nil
}

package main

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// A profile dir is any directory under the target dir (at most 3 levels
// deep: debug, release, <triple>/debug, custom profiles) that contains a
// .fingerprint directory. Cargo keeps one unit per .fingerprint entry there.
const maxProfileDepth = 3

// profileLayoutDirs are cargo's own sub-directories of a profile dir; no
// nested profile dir can live in them, so the search does not descend.
var profileLayoutDirs = map[string]bool{
	".fingerprint": true, "build": true, "deps": true, "examples": true, "incremental": true,
}

// findProfileDirs returns slash-separated paths relative to targetDir.
func findProfileDirs(targetDir string) []string {
	var out []string
	var visit func(rel string, depth int)
	visit = func(rel string, depth int) {
		abs := filepath.Join(targetDir, filepath.FromSlash(rel))
		isProfile := false
		if depth > 0 {
			if fi, err := os.Stat(filepath.Join(abs, ".fingerprint")); err == nil && fi.IsDir() {
				isProfile = true
				out = append(out, rel)
			}
		}
		if depth == maxProfileDepth {
			return
		}
		entries, err := os.ReadDir(abs)
		if err != nil {
			return
		}
		for _, e := range entries {
			if !e.IsDir() { // DirEntry from ReadDir does not follow symlinks
				continue
			}
			name := e.Name()
			if depth == 0 && name == ".rustcargo" {
				continue
			}
			if isProfile && profileLayoutDirs[name] {
				continue
			}
			visit(path.Join(rel, name), depth+1)
		}
	}
	visit("", 0)
	return out
}

// splitUnitName splits a .fingerprint entry "<name>-<hash>" at the last '-'.
func splitUnitName(entry string) (name, hash string, ok bool) {
	i := strings.LastIndexByte(entry, '-')
	if i <= 0 || i == len(entry)-1 {
		return "", "", false
	}
	return entry[:i], entry[i+1:], true
}

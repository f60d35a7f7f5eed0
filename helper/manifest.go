package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Manifest mode keeps cargo's mtime-based freshness honest across
// checkouts. Cargo compares source mtimes with its dep-info files, so:
//   - a fresh checkout gives unchanged files a new mtime -> needless rebuild;
//   - tools that preserve or fake mtimes can make changed files look older
//     than the cached artifacts -> stale artifacts silently reused.
// The manifest records, after every successful build, each file's content
// hash and the mtime cargo saw. Same content -> put that mtime back;
// different content -> mtime = now, so cargo must rebuild.

type manifestEntry struct {
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
	MtimeNs int64  `json:"mtime_ns"`
}

type manifest map[string]manifestEntry

func manifestPath(cfg *Config) string { return filepath.Join(cfg.stateDir(), "manifest.json") }

// manifestRun carries what prepare learned to finish (after cargo).
type manifestRun struct {
	cfg     *Config
	old     manifest
	files   []sourceFile // as left by prepare (mtimes after touch/restore)
	sums    []string
	touched []string // rel paths whose content differed from the manifest
	dirty   []string // changed files whose mtime could not be set: never trust them
}

// prepareManifest hashes the workspace and fixes mtimes before cargo runs.
func prepareManifest(cfg *Config, warn func(string)) (*manifestRun, int, int) {
	r := &manifestRun{cfg: cfg, old: manifest{}}
	if found, err := readJSON(manifestPath(cfg), &r.old); err != nil {
		warn(fmt.Sprintf("ignoring unreadable freshness manifest: %v", err))
		r.old = manifest{}
	} else if !found || r.old == nil {
		r.old = manifest{}
	}
	files, err := walkWorkspace(cfg.Workspace, cfg.TargetDir)
	if err != nil {
		warn(fmt.Sprintf("freshness: some workspace files could not be read: %v", err))
	}
	r.files = files
	r.sums = hashFiles(files, nil)
	restored := 0
	now := time.Now()
	for i := range files {
		f := &files[i]
		rec, ok := r.old[f.rel]
		if !ok {
			continue // unknown file: leave its mtime alone
		}
		sum := r.sums[i]
		if sum == "" {
			warn(fmt.Sprintf("freshness: cannot read %s", f.rel))
			continue
		}
		switch {
		case sum != rec.SHA256:
			// Even if the mtime went backwards, cargo must see it as newer
			// than any artifact built from the old content.
			if err := os.Chtimes(f.abs, time.Time{}, now); err != nil {
				warn(fmt.Sprintf("freshness: cannot touch %s: %v", f.rel, err))
				r.dirty = append(r.dirty, f.rel)
				continue
			}
			r.touched = append(r.touched, f.rel)
		case f.mtimeNs != rec.MtimeNs:
			if err := os.Chtimes(f.abs, time.Time{}, time.Unix(0, rec.MtimeNs)); err != nil {
				warn(fmt.Sprintf("freshness: cannot restore mtime of %s: %v", f.rel, err))
				continue
			}
			restored++
		default:
			continue
		}
		if fi, err := os.Lstat(f.abs); err == nil {
			f.size, f.mtimeNs = fi.Size(), fi.ModTime().UnixNano()
		}
	}
	return r, len(r.touched), restored
}

// finish records the workspace state after cargo. After a success every
// file is recorded with its current mtime. After a failure the manifest is
// kept, except that files touched this run are marked dirty (empty hash):
// a half-done build may have compiled their new content, so they must be
// touched again next time even if their content goes back to the recorded
// one.
func (r *manifestRun) finish(success bool) error {
	if !success {
		if len(r.touched) == 0 && len(r.dirty) == 0 {
			return nil
		}
		for _, rel := range append(r.touched, r.dirty...) {
			e := r.old[rel]
			e.SHA256 = ""
			r.old[rel] = e
		}
		return writeJSONAtomic(manifestPath(r.cfg), r.old)
	}
	// Cargo may have written files (Cargo.lock, generated sources): re-walk
	// and re-hash only what changed since prepare looked at it.
	before := make(map[string]int, len(r.files))
	for i, f := range r.files {
		before[f.rel] = i
	}
	files, err := walkWorkspace(r.cfg.Workspace, r.cfg.TargetDir)
	if err != nil && len(files) == 0 {
		return err
	}
	sums := make([]string, len(files))
	need := make([]bool, len(files))
	for i, f := range files {
		if j, ok := before[f.rel]; ok && r.sums[j] != "" && r.files[j].size == f.size && r.files[j].mtimeNs == f.mtimeNs {
			sums[i] = r.sums[j]
		} else {
			need[i] = true
		}
	}
	fresh := hashFiles(files, func(i int) bool { return need[i] })
	m := make(manifest, len(files))
	for i, f := range files {
		sum := sums[i]
		if need[i] {
			sum = fresh[i]
		}
		if sum == "" {
			continue // unreadable: leave it out, i.e. alone next time
		}
		m[f.rel] = manifestEntry{SHA256: sum, Size: f.size, MtimeNs: f.mtimeNs}
	}
	for _, rel := range r.dirty {
		if e, ok := m[rel]; ok {
			e.SHA256 = "" // cargo may not have rebuilt it: force a touch next time
			m[rel] = e
		}
	}
	return writeJSONAtomic(manifestPath(r.cfg), m)
}

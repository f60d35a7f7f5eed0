package main

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A unit is one entry of a profile dir's .fingerprint/ ("<name>-<hash>")
// together with the files cargo keeps for it: build/<name>-<hash>/ and the
// files in deps/ and examples/ whose name contains "-<hash>". Sweeping
// removes whole units, like cargo-sweep, so cargo never sees half a unit.
type unit struct {
	key   string // "<profile>/<name>-<hash>", the ledger key
	prof  *profileIndex
	entry string // "<name>-<hash>"
	name  string
	hash  string
	files []string // absolute paths in deps/ and examples/

	used    bool
	lastUse int64 // unix seconds
}

func (u *unit) fingerprintDir() string { return filepath.Join(u.prof.abs, ".fingerprint", u.entry) }
func (u *unit) buildDir() string       { return filepath.Join(u.prof.abs, "build", u.entry) }

type profileIndex struct {
	rel      string // slash-separated, relative to the target dir
	abs      string
	units    map[string]*unit   // by .fingerprint entry
	byHash   map[string][]*unit // hash -> units
	hashLens []int              // distinct hash lengths (16 today)
	layout   map[string][]string
}

// inventory is the target dir's units, read once per sweep.
type inventory struct {
	targetDir  string
	targetReal string // symlinks resolved, to relate cargo's absolute paths
	profiles   map[string]*profileIndex
	units      []*unit // sorted by key
	// crate names (target names, '-' -> '_') cargo reported per profile
	usedCrates map[*profileIndex]map[string]bool
}

func scanInventory(targetDir string) *inventory {
	inv := &inventory{targetDir: targetDir, targetReal: targetDir, profiles: map[string]*profileIndex{}}
	if r, err := filepath.EvalSymlinks(targetDir); err == nil {
		inv.targetReal = r
	}
	for _, rel := range findProfileDirs(targetDir) {
		p := &profileIndex{
			rel: rel, abs: filepath.Join(targetDir, filepath.FromSlash(rel)),
			units: map[string]*unit{}, byHash: map[string][]*unit{}, layout: map[string][]string{},
		}
		inv.profiles[rel] = p
		entries, _ := os.ReadDir(filepath.Join(p.abs, ".fingerprint"))
		lens := map[int]bool{}
		for _, e := range entries {
			name, hash, ok := splitUnitName(e.Name())
			if !ok || !e.IsDir() {
				continue
			}
			u := &unit{key: path.Join(rel, e.Name()), prof: p, entry: e.Name(), name: name, hash: hash}
			p.units[e.Name()] = u
			p.byHash[hash] = append(p.byHash[hash], u)
			lens[len(hash)] = true
			inv.units = append(inv.units, u)
		}
		for l := range lens {
			p.hashLens = append(p.hashLens, l)
		}
		sort.Ints(p.hashLens)
		for _, dir := range []string{"deps", "examples"} {
			des, _ := os.ReadDir(filepath.Join(p.abs, dir))
			for _, de := range des {
				p.layout[dir] = append(p.layout[dir], de.Name())
				for _, u := range p.unitsInName(de.Name()) {
					u.files = append(u.files, filepath.Join(p.abs, dir, de.Name()))
				}
			}
		}
	}
	sort.Slice(inv.units, func(i, j int) bool { return inv.units[i].key < inv.units[j].key })
	return inv
}

// unitsInName returns the units whose "-<hash>" occurs in a deps/ or
// examples/ file name (libserde-<hash>.rlib, serde-<hash>.d, foo-<hash>).
func (p *profileIndex) unitsInName(name string) []*unit {
	var out []*unit
	for i := 0; i < len(name); i++ {
		if name[i] != '-' {
			continue
		}
		for _, l := range p.hashLens {
			if i+1+l > len(name) {
				break
			}
			for _, u := range p.byHash[name[i+1:i+1+l]] {
				if !containsUnit(out, u) {
					out = append(out, u)
				}
			}
		}
	}
	return out
}

func containsUnit(us []*unit, u *unit) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}

// relPath relates one of cargo's absolute paths to the target dir.
func (inv *inventory) relPath(abs string) (string, bool) {
	for _, base := range []string{inv.targetDir, inv.targetReal} {
		rel, err := filepath.Rel(base, filepath.Clean(abs))
		if err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel), true
		}
	}
	return "", false
}

// resolveFile maps a file cargo reported (artifact, executable, out_dir)
// to the profile dir it lives in and the units it belongs to.
func (inv *inventory) resolveFile(abs string) (*profileIndex, []*unit) {
	rel, ok := inv.relPath(abs)
	if !ok {
		return nil, nil
	}
	comps := strings.Split(rel, "/")
	for i := len(comps) - 1; i >= 1; i-- {
		p, ok := inv.profiles[strings.Join(comps[:i], "/")]
		if !ok {
			continue
		}
		rest := comps[i:]
		switch {
		case rest[0] == "build" && len(rest) >= 2:
			if u := p.units[rest[1]]; u != nil {
				return p, []*unit{u}
			}
			return p, nil
		case (rest[0] == "deps" || rest[0] == "examples") && len(rest) == 2:
			if us := p.unitsInName(rest[1]); len(us) > 0 {
				return p, us
			}
			return p, p.sameFileUnits(abs) // examples/<name> is uplifted too
		case len(rest) == 1:
			return p, p.sameFileUnits(abs) // uplifted: target/debug/app
		}
		return p, nil
	}
	return nil, nil
}

// sameFileUnits finds the deps/ or examples/ file an uplifted file was
// hard-linked from (cargo uplifts with hard links where it can).
func (p *profileIndex) sameFileUnits(abs string) []*unit {
	fi, err := os.Stat(abs)
	if err != nil {
		return nil
	}
	base := filepath.Base(abs)
	stem, _, _ := strings.Cut(base, ".")
	for _, dir := range []string{"deps", "examples"} {
		for _, name := range p.layout[dir] {
			if !strings.HasPrefix(name, stem+"-") {
				continue
			}
			if st, err := os.Stat(filepath.Join(p.abs, dir, name)); err == nil && os.SameFile(fi, st) {
				return p.unitsInName(name)
			}
		}
	}
	return nil
}

// unitsWithFingerprintFile returns the units of the given profiles whose
// fingerprint dir holds a file accepted by match (the conservative fallback
// for artifacts whose paths carry no hash).
func unitsWithFingerprintFile(profiles []*profileIndex, match func(string) bool) []*unit {
	var out []*unit
	for _, p := range profiles {
		for _, u := range p.units {
			entries, _ := os.ReadDir(u.fingerprintDir())
			for _, e := range entries {
				if match(e.Name()) {
					out = append(out, u)
					break
				}
			}
		}
	}
	return out
}

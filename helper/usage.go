package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Which units did this build use? The sweep relies on this, never on atime
// (relatime/noatime make atime useless, see cargo-sweep #105/#149).

// markUsed marks the units cargo reported: artifacts (fresh or compiled)
// and executed build scripts.
func (inv *inventory) markUsed(stats *runStats) {
	stats.mu.Lock()
	artifacts := append([]artifactUse(nil), stats.artifacts...)
	outDirs := append([]string(nil), stats.outDirs...)
	stats.mu.Unlock()

	for _, a := range artifacts {
		var profs []*profileIndex
		resolved := false
		for _, f := range a.files {
			p, us := inv.resolveFile(f)
			for _, u := range us {
				u.used = true
				resolved = true
			}
			if p != nil && !containsProfile(profs, p) {
				profs = append(profs, p)
			}
		}
		if a.targetName != "" {
			// rustc names incremental dirs after the crate (the target name,
			// which can differ from the package name, e.g. a [[bin]] name).
			for _, p := range profs {
				inv.useCrate(p, a.targetName)
			}
		}
		if resolved || a.targetName == "" {
			continue
		}
		// No file names a unit (e.g. a copied, not hard-linked, bin, or
		// target/doc/... output): keep every unit that may have produced it.
		var match func(string) bool
		if len(profs) > 0 {
			n := a.targetName
			match = func(f string) bool { return f == "bin-"+n || f == "example-"+n || f == "lib-"+n }
		} else {
			profs = inv.profileList()
			suffix := "-" + a.targetName
			match = func(f string) bool {
				return strings.HasPrefix(f, "doc-") && strings.HasSuffix(f, suffix)
			}
		}
		for _, u := range unitsWithFingerprintFile(profs, match) {
			u.used = true
		}
	}
	for _, d := range outDirs {
		_, us := inv.resolveFile(d)
		for _, u := range us {
			u.used = true
		}
	}
}

func (inv *inventory) useCrate(p *profileIndex, targetName string) {
	if inv.usedCrates == nil {
		inv.usedCrates = map[*profileIndex]map[string]bool{}
	}
	if inv.usedCrates[p] == nil {
		inv.usedCrates[p] = map[string]bool{}
	}
	inv.usedCrates[p][strings.ReplaceAll(targetName, "-", "_")] = true
}

// markTouchedSince marks units whose fingerprint dir (or a file in it) was
// modified at or after sinceNs: cargo wrote them during this run, whatever
// it reported.
func (inv *inventory) markTouchedSince(sinceNs int64) {
	for _, u := range inv.units {
		if !u.used && newestMtimeNs(u.fingerprintDir(), true) >= sinceNs {
			u.used = true
		}
	}
}

// newestMtimeNs is the newest mtime of dir itself (if withSelf) and of its
// direct children; 0 if nothing could be read.
func newestMtimeNs(dir string, withSelf bool) int64 {
	var newest int64
	if withSelf {
		if fi, err := os.Lstat(dir); err == nil {
			newest = fi.ModTime().UnixNano()
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.ModTime().UnixNano() > newest {
			newest = fi.ModTime().UnixNano()
		}
	}
	return newest
}

func (inv *inventory) profileList() []*profileIndex {
	out := make([]*profileIndex, 0, len(inv.profiles))
	for _, p := range inv.profiles {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

func containsProfile(ps []*profileIndex, p *profileIndex) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

// incrementalDir is one D/incremental/<crate>-<hash>/ session dir.
type incrementalDir struct {
	key     string // "<profile>/incremental/<entry>"
	abs     string
	prof    *profileIndex
	crate   string
	used    bool
	lastUse int64
}

// scanIncremental lists incremental dirs. Their last use is the newest of
// their direct children's mtimes (rustc writes a new session per compile),
// the ledger time of units of the same crate (a fresh unit does not touch
// its incremental dir) and the dir's own ledger entry. A dir whose crate was
// used this run, or that rustc wrote to since sinceNs (>0), is in use and
// its last use is now.
func (inv *inventory) scanIncremental(sinceNs int64, old ledger, now int64) []*incrementalDir {
	var out []*incrementalDir
	for _, p := range inv.profileList() {
		byCrate := map[string][]*unit{}
		for _, u := range p.units {
			c := strings.ReplaceAll(u.name, "-", "_")
			byCrate[c] = append(byCrate[c], u)
		}
		dir := filepath.Join(p.abs, "incremental")
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			crate, _, ok := splitUnitName(e.Name())
			if !ok {
				continue
			}
			d := &incrementalDir{
				key: p.rel + "/incremental/" + e.Name(), abs: filepath.Join(dir, e.Name()),
				prof: p, crate: crate,
			}
			newest := newestMtimeNs(d.abs, false)
			d.lastUse = newest / 1e9
			if sinceNs > 0 && newest >= sinceNs {
				d.used = true
			}
			if inv.usedCrates[p][crate] {
				d.used = true
			}
			for _, u := range byCrate[crate] {
				d.lastUse = max(d.lastUse, u.lastUse)
				if u.used {
					d.used = true
				}
			}
			d.lastUse = max(d.lastUse, old[d.key])
			if d.used {
				d.lastUse = now
			}
			out = append(out, d)
		}
	}
	return out
}

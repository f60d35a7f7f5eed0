package main

import "path/filepath"

// The ledger records when each unit was last used, as seen by the helper:
// unit key ("<profile>/<name>-<hash>") -> unix seconds. Incremental dirs are
// recorded too ("<profile>/incremental/<crate>-<hash>"), because a bin whose
// name differs from its package matches no unit name. It replaces atime,
// which relatime/noatime mounts do not maintain. It is only ever read and
// written under BuildKit's lock on the target cache.
type ledger map[string]int64

func ledgerPath(targetDir string) string {
	return filepath.Join(targetDir, ".rustcargo", "units.json")
}

func loadLedger(targetDir string) (ledger, error) {
	l := ledger{}
	if _, err := readJSON(ledgerPath(targetDir), &l); err != nil {
		return ledger{}, err
	}
	if l == nil {
		l = ledger{}
	}
	return l, nil
}

// applyLedger sets every unit's last use: now if used this run or never
// seen before (a unit first seen gets the full max age), else the recorded
// time. Entries of units that no longer exist are not carried over.
func applyLedger(units []*unit, old ledger, now int64) {
	for _, u := range units {
		t, seen := old[u.key]
		if u.used || !seen {
			t = now
		}
		u.lastUse = t
	}
}

// saveLedger records the items that survived the sweep.
func saveLedger(targetDir string, items []*sweepItem, deleted map[*sweepItem]bool) error {
	l := make(ledger, len(items))
	for _, it := range items {
		if !deleted[it] {
			l[it.key] = it.lastUse
		}
	}
	return writeJSONAtomic(ledgerPath(targetDir), l)
}

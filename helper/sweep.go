package main

import (
	"fmt"
	"os"
	"sort"
	"time"
)

// sweepOptions describe one sweep of the target cache.
type sweepOptions struct {
	targetDir string
	maxAge    int64 // seconds; <0 disables, 0 = every item not used this run
	maxSize   int64 // bytes; <0 disables
	stats     *runStats
	// sinceNs > 0: units/incremental dirs written at or after it count as
	// used (cargo rebuilt them this run).
	sinceNs int64
	// ageZero says whether max_age 0 may apply: only when cargo reported
	// every unit it needed, otherwise "not used this run" means "unknown".
	ageZero bool
	now     time.Time
}

type sweepResult struct {
	sweptBytes  int64
	sweptItems  int
	targetBytes int64
}

// sweepItem is what the sweep deletes as a whole: a unit or an incremental dir.
type sweepItem struct {
	key     string
	lastUse int64
	used    bool
	unit    *unit
	incr    *incrementalDir
}

func (it *sweepItem) size() int64 {
	if it.incr != nil {
		return treeSize(it.incr.abs)
	}
	u := it.unit
	n := treeSize(u.fingerprintDir()) + treeSize(u.buildDir())
	for _, f := range u.files {
		n += fileSize(f)
	}
	return n
}

// remove deletes the item. A unit's fingerprint goes first: if the helper
// is killed halfway, cargo sees no fingerprint and rebuilds the unit rather
// than trusting half-deleted outputs.
func (it *sweepItem) remove() error {
	if it.incr != nil {
		return os.RemoveAll(it.incr.abs)
	}
	u := it.unit
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	keep(os.RemoveAll(u.fingerprintDir()))
	keep(os.RemoveAll(u.buildDir()))
	for _, f := range u.files {
		keep(os.RemoveAll(f))
	}
	return first
}

func sweepTarget(o sweepOptions, warn func(string)) sweepResult {
	var res sweepResult
	if fi, err := os.Stat(o.targetDir); err != nil || !fi.IsDir() {
		return res
	}
	now := o.now.Unix()
	inv := scanInventory(o.targetDir)
	if o.stats != nil {
		inv.markUsed(o.stats)
	}
	if o.sinceNs > 0 {
		inv.markTouchedSince(o.sinceNs)
	}
	old, err := loadLedger(o.targetDir)
	if err != nil {
		warn(fmt.Sprintf("sweep: ignoring unreadable ledger: %v", err))
	}
	applyLedger(inv.units, old, now)

	var items []*sweepItem
	for _, u := range inv.units {
		items = append(items, &sweepItem{key: u.key, lastUse: u.lastUse, used: u.used, unit: u})
	}
	for _, d := range inv.scanIncremental(o.sinceNs, old, now) {
		items = append(items, &sweepItem{key: d.key, lastUse: d.lastUse, used: d.used, incr: d})
	}

	gone := map[*sweepItem]bool{}
	del := func(it *sweepItem) int64 {
		n := it.size()
		if err := it.remove(); err != nil {
			warn(fmt.Sprintf("sweep: cannot fully remove %s: %v", it.key, err))
		}
		gone[it] = true
		res.sweptBytes += n
		res.sweptItems++
		return n
	}

	// Age rule.
	if o.maxAge > 0 || (o.maxAge == 0 && o.ageZero) {
		for _, it := range items {
			if it.used {
				continue
			}
			if o.maxAge == 0 || now-it.lastUse > o.maxAge {
				del(it)
			}
		}
	}

	// Size rule: least recently used first, never what this run used.
	measured := false
	if o.maxSize >= 0 {
		total := treeSize(o.targetDir)
		if total > o.maxSize {
			var cands []*sweepItem
			for _, it := range items {
				if !it.used && !gone[it] {
					cands = append(cands, it)
				}
			}
			sort.SliceStable(cands, func(i, j int) bool {
				if cands[i].lastUse != cands[j].lastUse {
					return cands[i].lastUse < cands[j].lastUse
				}
				return cands[i].key < cands[j].key
			})
			for _, it := range cands {
				if total <= o.maxSize {
					break
				}
				total -= del(it)
			}
		} else {
			res.targetBytes, measured = total, true
		}
	}

	if err := saveLedger(o.targetDir, items, gone); err != nil {
		warn(fmt.Sprintf("sweep: cannot write ledger: %v", err))
	}
	if !measured {
		res.targetBytes = treeSize(o.targetDir)
	}
	return res
}

// cmdSweep is the scheduled sweep: the same rules with nothing in use.
func cmdSweep(args []string) int {
	cfgPath, rest, err := parseConfigFlag(args)
	if err != nil {
		return helperFail("%v", err)
	}
	if len(rest) > 0 {
		return helperFail("sweep takes no arguments after the options")
	}
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return helperFail("%v", err)
	}
	em := &emitter{out: newSink(eventStream())}
	if err := os.MkdirAll(cfg.stateDir(), 0o755); err != nil {
		return helperFail("cannot create %s: %v", cfg.stateDir(), err)
	}
	if err := lockTarget(cfg.stateDir(), em.warn); err != nil {
		return helperFail("%v", err)
	}
	boundPathLengths(cfg.TargetDir, maxCachePathBytes, em.warn)
	start := time.Now()
	res := sweepTarget(sweepOptions{
		targetDir: cfg.TargetDir, maxAge: cfg.MaxAgeSeconds, maxSize: cfg.MaxSizeBytes,
		ageZero: true, now: start,
	}, em.warn)
	em.emit(newSweepEvent(res, start))
	return 0
}

func newSweepEvent(res sweepResult, start time.Time) sweepEvent {
	return sweepEvent{
		Event: "sweep", SweptBytes: res.sweptBytes, SweptUnits: res.sweptItems,
		TargetBytes: res.targetBytes, DurationMs: time.Since(start).Milliseconds(),
	}
}

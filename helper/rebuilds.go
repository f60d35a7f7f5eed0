package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Why cargo rebuilt each unit, read from its own fingerprint log. The helper
// sets CARGO_LOG (fingerprintLogFilter) for cargo when the user did not set
// CARGO_LOG; those log lines are then consumed here and never shown. If the
// user set CARGO_LOG, they see what they asked for and we read along.

const fingerprintLogFilter = "cargo::core::compiler::fingerprint=info"

// explainsRebuilds says whether this cargo logs in the format parsed here:
// cargo 1.74 moved from env_logger to tracing (the prepare_target span). With
// an older cargo the helper does not set CARGO_LOG, so nothing unparsed leaks.
func explainsRebuilds(cargoVersion string) bool {
	var major, minor int
	if _, err := fmt.Sscanf(cargoVersion, "%d.%d", &major, &minor); err != nil {
		return false
	}
	return major > 1 || major == 1 && minor >= 74
}

// A tracing line of the fingerprint module inside cargo's prepare_target span:
//
//	0.02s  INFO prepare_target{force=false package_id=app v0.1.0 (/ws/app) target="app"}: cargo::core::compiler::fingerprint: <message>
var fingerprintLine = regexp.MustCompile(
	`^\s*\S+\s+[A-Z]+\s+(?:prepare_target\{force=\w+ package_id=(\S+) v?(\S+)([^}]*?) target="([^"]*)"\}: )?cargo::core::compiler::fingerprint: (.*)$`)

// "err: failed to read `<profile>/.fingerprint/<name>-<hash>/<file>`"
var missingFingerprint = regexp.MustCompile("failed to read `([^`]*/\\.fingerprint)/([^/`]+)-([0-9a-f]+)/([^/`]+)`")

var hexHash = regexp.MustCompile(`^[0-9a-f]+$`)

// What the lines after "err:" look like: an error chain and maybe a backtrace.
var errorContinuation = regexp.MustCompile(`^(\s*$|Caused by:|Stack backtrace:|\s+\d+: |\s+at )`)

var staleFile = regexp.MustCompile(`stale: "([^"]*)"`)

// rebuiltUnit is one unit cargo compiled and why, as it travels in summary.json.
type rebuiltUnit struct {
	Package string `json:"package"`
	Target  string `json:"target"`
	Reason  string `json:"reason"` // see classifyDirty
	Detail  string `json:"detail,omitempty"`
}

// rebuildReport is the summary's "rebuilds" field.
type rebuildReport struct {
	Line  string        `json:"line"`
	Units []rebuiltUnit `json:"units"`
}

type rebuildLog struct {
	mu       sync.Mutex
	hide     bool // we set CARGO_LOG: the user did not ask for these lines
	inError  bool // swallowing the rest of a multi-line "err:"
	inCauses bool // after its "Caused by:", where causes are indented
	units    []rebuiltUnit
	seen     map[string]bool
	fileRoot string // workspace path, stripped from file details
}

func newRebuildLog(hide bool, workspace string) *rebuildLog {
	return &rebuildLog{hide: hide, seen: map[string]bool{}, fileRoot: strings.TrimSuffix(workspace, "/") + "/"}
}

// consume reads one stderr line; it reports whether the line is fingerprint
// log that must not be shown.
func (r *rebuildLog) consume(line []byte) bool {
	text := string(ansiEscape.ReplaceAll(bytes.TrimRight(line, "\r\n"), nil))
	r.mu.Lock()
	defer r.mu.Unlock()
	m := fingerprintLine.FindStringSubmatch(text)
	if m == nil {
		if r.inError && (errorContinuation.MatchString(text) || r.inCauses && strings.HasPrefix(text, "    ")) {
			r.inCauses = text == "Caused by:" || r.inCauses && text != ""
			return r.hide
		}
		r.inError, r.inCauses = false, false
		return false
	}
	r.inError, r.inCauses = false, false
	pkg, version, source, target, msg := m[1], m[2], strings.TrimSpace(m[3]), m[4], strings.TrimSpace(m[5])
	switch {
	case strings.HasPrefix(msg, "dirty: "):
		reason, detail := classifyDirty(strings.TrimPrefix(msg, "dirty: "))
		if reason == "source changed" {
			detail = strings.TrimPrefix(detail, r.fileRoot)
		}
		r.add(pkg, target, reason, detail)
	case strings.HasPrefix(msg, "fingerprint error for "):
		// No readable fingerprint: first build of this unit in this cache (new
		// configuration, new dependency version) or a removed fingerprint.
		r.add(pkg, target, "not built before", "")
	case strings.HasPrefix(msg, "err: "):
		r.inError = true
		r.refineMissing(pkg, version, source, target, msg)
	}
	return r.hide
}

// refineMissing looks at the target dir as it was before this build: a unit
// whose fingerprint is missing while another one of the same name exists was
// built before with other inputs (a new version of a dependency, or a unit
// whose hash changed with its dependencies, features or flags).
func (r *rebuildLog) refineMissing(pkg, version, source, target, msg string) {
	f := missingFingerprint.FindStringSubmatch(msg)
	if f == nil || len(r.units) == 0 {
		return
	}
	last := &r.units[len(r.units)-1]
	if last.Package != pkg || last.Target != target || last.Reason != "not built before" {
		return
	}
	if fi, err := os.Lstat(f[1]); err != nil || !fi.IsDir() {
		return // not a real directory (a link planted by the build): do not follow it
	}
	entries, err := os.ReadDir(f[1])
	if err != nil {
		return
	}
	// Another hash of the same unit: "<name>-<hex>" holding the same fingerprint
	// file (e.g. lib-itoa). Not "<name>-more-<hex>" (another package), and not the
	// package's build-script units, which cargo may have just created.
	var siblings []string
	for _, e := range entries {
		hash, ok := strings.CutPrefix(e.Name(), f[2]+"-")
		if !ok || hash == f[3] || !hexHash.MatchString(hash) {
			continue
		}
		if fi, err := os.Lstat(filepath.Join(f[1], e.Name(), f[4])); err == nil && fi.Mode().IsRegular() {
			siblings = append(siblings, hash)
		}
	}
	if len(siblings) == 0 {
		return
	}
	last.Reason = "inputs changed"
	if !strings.HasPrefix(source, "(/") && !builtThisVersion(filepath.Dir(f[1]), target, siblings, pkg, version) {
		last.Reason, last.Detail = "new version", pkg+" v"+version
	}
}

// builtThisVersion tells a dependency bump from other changes (flags, features)
// for a registry or git package: the dep-info (deps/<crate>-<hash>.d) of an
// earlier build of the same version names its sources under "<pkg>-<version>/".
// It answers true when it cannot tell, so that a guess never says "new version".
func builtThisVersion(profileDir, target string, hashes []string, pkg, version string) bool {
	crate := strings.ReplaceAll(target, "-", "_")
	needle := []byte("/" + pkg + "-" + version + "/")
	readAny := false
	for _, h := range hashes {
		b, err := readSmallRegularFile(filepath.Join(profileDir, "deps", crate+"-"+h+".d"))
		if err != nil {
			continue
		}
		readAny = true
		if bytes.Contains(b, needle) {
			return true
		}
	}
	return !readAny
}

func (r *rebuildLog) add(pkg, target, reason, detail string) {
	if pkg == "" {
		return
	}
	key := pkg + "\x00" + target
	if r.seen[key] {
		return // a unit's later lines (e.g. its build script run) add nothing new
	}
	r.seen[key] = true
	r.units = append(r.units, rebuiltUnit{Package: pkg, Target: target, Reason: reason, Detail: detail})
}

// classifyDirty turns cargo's DirtyReason (its Debug form) into a short reason.
func classifyDirty(s string) (reason, detail string) {
	name := s
	if i := strings.IndexAny(s, "({ "); i >= 0 {
		name = s[:i]
	}
	switch name {
	case "FsStatusOutdated":
		switch {
		case strings.Contains(s, "StaleDepFingerprint"):
			return "dependency rebuilt", ""
		case strings.Contains(s, "ChangedFile"):
			if f := staleFile.FindStringSubmatch(s); f != nil {
				return "source changed", f[1]
			}
			return "source changed", ""
		case strings.Contains(s, "MissingFile"):
			return "file missing", ""
		case strings.Contains(s, "ChangedEnv"):
			return "environment changed", ""
		}
		return "outdated", ""
	case "UnitDependencyInfoChanged", "UnitDependencyNameChanged", "NumberOfDependenciesChanged":
		return "dependency rebuilt", ""
	case "RustcChanged":
		return "toolchain changed", ""
	case "FeaturesChanged", "DeclaredFeaturesChanged":
		return "features changed", ""
	case "RustflagsChanged":
		return "RUSTFLAGS changed", ""
	case "ProfileConfigurationChanged":
		return "profile changed", ""
	case "TargetConfigurationChanged", "CompileKindChanged":
		return "target changed", ""
	case "EnvVarsChanged", "EnvVarChanged":
		return "environment changed", ""
	case "RerunIfChangedOutputFileChanged", "RerunIfChangedOutputPathsChanged", "LocalLengthsChanged",
		"LocalFingerprintTypeChanged", "PrecalculatedComponentsChanged":
		return "build script inputs changed", ""
	case "MetadataChanged", "ConfigSettingsChanged", "PathToSourceChanged", "ChecksumUseChanged":
		return "package settings changed", ""
	case "Forced":
		return "forced", ""
	case "FreshBuild":
		return "not built before", ""
	}
	return "other (" + name + ")", ""
}

// report sums the units up in one line, e.g.
// "3 rebuilt: source changed in tally; 2 dependents". Nil when nothing was rebuilt.
func (r *rebuildLog) report() *rebuildReport {
	if r == nil {
		return nil // not collected (an old cargo)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.units) == 0 {
		return nil
	}
	units := append([]rebuiltUnit(nil), r.units...)
	return &rebuildReport{Line: summarizeRebuilds(units), Units: units}
}

func summarizeRebuilds(units []rebuiltUnit) string {
	byReason := map[string][]string{}
	var order []string
	for _, u := range units {
		if _, ok := byReason[u.Reason]; !ok {
			order = append(order, u.Reason)
		}
		if !slices.Contains(byReason[u.Reason], u.Package) {
			byReason[u.Reason] = append(byReason[u.Reason], u.Package)
		}
	}
	// Causes first, their consequences last.
	sort.SliceStable(order, func(i, j int) bool {
		return order[j] == "dependency rebuilt" && order[i] != "dependency rebuilt"
	})
	counts := map[string]int{}
	for _, u := range units {
		counts[u.Reason]++
	}
	if counts["new version"] > 0 {
		// Workspace units get a new hash when a dependency's version changes:
		// with a version change in this build, they are its dependents.
		counts["dependency rebuilt"] += counts["inputs changed"]
		delete(counts, "inputs changed")
		order = slices.DeleteFunc(order, func(r string) bool { return r == "inputs changed" })
		if counts["dependency rebuilt"] > 0 && !slices.Contains(order, "dependency rebuilt") {
			order = append(order, "dependency rebuilt")
		}
	}
	parts := make([]string, 0, len(order))
	for _, reason := range order {
		if reason == "dependency rebuilt" {
			parts = append(parts, plural(counts[reason], "dependent", "dependents"))
			continue
		}
		parts = append(parts, phrase(reason, byReason[reason]))
	}
	return fmt.Sprintf("%d rebuilt: %s", len(units), strings.Join(parts, "; "))
}

func phrase(reason string, names []string) string {
	switch reason {
	case "new version":
		return "new version of " + listNames(names)
	case "not built before":
		return "not built before: " + listNames(names)
	}
	return reason + " in " + listNames(names)
}

func listNames(names []string) string {
	const shown = 3
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// readSmallRegularFile reads at most maxDepInfoBytes of a regular file, never
// through a link and never blocking on a FIFO the build may have planted.
func readSmallRegularFile(path string) ([]byte, error) {
	const maxDepInfoBytes = 4 << 20
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return io.ReadAll(io.LimitReader(f, maxDepInfoBytes))
}

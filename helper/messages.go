package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sync"
)

// cargoMessage holds the fields of cargo's JSON messages the helper uses.
type cargoMessage struct {
	Reason  string `json:"reason"`
	Message *struct {
		Rendered *string `json:"rendered"`
	} `json:"message"`
	Target *struct {
		Name string   `json:"name"`
		Kind []string `json:"kind"`
	} `json:"target"`
	Filenames  []string `json:"filenames"`
	Executable *string  `json:"executable"`
	Fresh      bool     `json:"fresh"`
	OutDir     string   `json:"out_dir"`
	Success    *bool    `json:"success"`
}

// artifactUse is one compiler-artifact: the files it produced or reused.
type artifactUse struct {
	files      []string
	targetName string
}

// runStats collects what the summary and the sweep need from cargo's output.
type runStats struct {
	mu              sync.Mutex
	compiled, fresh int
	downloaded      []string
	artifacts       []artifactUse
	outDirs         []string
	buildFinished   int // build-finished messages seen
	buildFailed     bool
	rebuilds        *rebuildLog // nil: why-rebuilt not collected
}

// usageComplete reports whether cargo told us about every unit it needed:
// a successful build-finished message comes after all artifacts (for
// `cargo test`/`run` it precedes running the programs, whose failure does not
// matter here).
func (s *runStats) usageComplete() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buildFinished > 0 && !s.buildFailed
}

// handleStdoutLine processes one line of cargo's stdout. When rewrite is set
// (the helper injected --message-format), cargo messages are consumed:
// diagnostics are re-rendered on stderr as plain cargo would print them,
// everything else is swallowed. Without rewrite (the user asked for JSON)
// every line passes through unchanged and is only observed.
func (s *runStats) handleStdoutLine(line []byte, rewrite bool, out, errOut *sink) {
	if !bytes.HasPrefix(line, cargoMessagePrefix) {
		out.raw(line)
		return
	}
	var m cargoMessage
	if err := json.Unmarshal(line, &m); err != nil || m.Reason == "" {
		out.raw(line) // a program's output that merely looks like a message
		return
	}
	s.record(&m)
	if !rewrite {
		out.raw(line)
		return
	}
	if m.Reason == "compiler-message" && m.Message != nil && m.Message.Rendered != nil && *m.Message.Rendered != "" {
		errOut.line([]byte(*m.Message.Rendered))
	}
}

func (s *runStats) record(m *cargoMessage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch m.Reason {
	case "compiler-artifact":
		if m.Fresh {
			s.fresh++
		} else {
			s.compiled++
		}
		a := artifactUse{files: append([]string(nil), m.Filenames...)}
		if m.Executable != nil && *m.Executable != "" {
			a.files = append(a.files, *m.Executable)
		}
		if m.Target != nil {
			a.targetName = m.Target.Name
		}
		s.artifacts = append(s.artifacts, a)
	case "build-script-executed":
		if m.OutDir != "" {
			s.outDirs = append(s.outDirs, m.OutDir)
		}
	case "build-finished":
		s.buildFinished++
		if m.Success == nil || !*m.Success {
			s.buildFailed = true
		}
	}
}

var (
	// "  Downloaded serde v1.0.1" (per crate), not "Downloaded 3 crates (...)".
	downloadedLine = regexp.MustCompile(`^\s+Downloaded (\S+) v(\S+)`)
	ansiEscape     = regexp.MustCompile("\x1b\\[[0-9;?]*[ -/]*[@-~]")
)

// handleStderrLine passes one stderr line through unchanged and counts
// crate downloads (with colours stripped for matching only).
func (s *runStats) handleStderrLine(line []byte, errOut *sink) {
	if s.rebuilds != nil && s.rebuilds.consume(line) {
		return // fingerprint log the helper asked for, not the user
	}
	errOut.raw(line)
	if !bytes.Contains(line, []byte("Downloaded")) {
		return
	}
	if crate, ok := parseDownloaded(line); ok {
		s.mu.Lock()
		s.downloaded = append(s.downloaded, crate)
		s.mu.Unlock()
	}
}

func parseDownloaded(line []byte) (string, bool) {
	plain := ansiEscape.ReplaceAll(bytes.TrimRight(line, "\r\n"), nil)
	m := downloadedLine.FindSubmatch(plain)
	if m == nil {
		return "", false
	}
	return string(m[1]) + " v" + string(m[2]), true
}

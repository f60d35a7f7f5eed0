package main

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"
)

// eventPrefix marks event lines on the event channel (the container's
// stderr, see channel.go); the engine decodes only those.
const eventPrefix = "::rustcargo:: "

// sink serialises writes to one stream so that lines from different
// goroutines (cargo's stdout, cargo's stderr, our events) never interleave
// mid-line. It remembers whether the last write ended a line, so an event
// never gets glued onto a partial line a program printed without '\n'.
type sink struct {
	mu      sync.Mutex
	w       io.Writer
	midLine bool
}

func newSink(w io.Writer) *sink { return &sink{w: w} }

// raw writes bytes exactly as given (pass-through of cargo output).
func (s *sink) raw(b []byte) {
	if len(b) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.w.Write(b) //nolint:errcheck // nothing sensible to do if our own stdout is gone
	s.midLine = b[len(b)-1] != '\n'
}

// line writes b as one whole line, starting a new line first if needed.
func (s *sink) line(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	buf := make([]byte, 0, len(b)+2)
	if s.midLine {
		buf = append(buf, '\n')
	}
	buf = append(buf, b...)
	if len(b) == 0 || b[len(b)-1] != '\n' {
		buf = append(buf, '\n')
	}
	s.w.Write(buf) //nolint:errcheck
	s.midLine = false
}

// emitter writes `::rustcargo:: {json}` event lines to the event channel.
type emitter struct{ out *sink }

func (e *emitter) emit(v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return
	}
	e.out.line(append([]byte(eventPrefix), bytes.TrimRight(buf.Bytes(), "\n")...))
}

func (e *emitter) warn(msg string) {
	e.emit(warningEvent{Event: "warning", Message: msg})
}

type startEvent struct {
	Event        string `json:"event"`
	TimeMs       int64  `json:"time_ms"`
	CargoHome    string `json:"cargo_home"`
	CargoVersion string `json:"cargo_version"`
}

type freshnessManifestEvent struct {
	Event    string `json:"event"`
	Mode     string `json:"mode"`
	Touched  int    `json:"touched"`
	Restored int    `json:"restored"`
}

type freshnessFingerprintsEvent struct {
	Event   string `json:"event"`
	Mode    string `json:"mode"`
	Removed int    `json:"removed"`
}

type warningEvent struct {
	Event   string `json:"event"`
	Message string `json:"message"`
}

type sweepEvent struct {
	Event       string `json:"event"`
	SweptBytes  int64  `json:"swept_bytes"`
	SweptUnits  int    `json:"swept_units"`
	TargetBytes int64  `json:"target_bytes"`
	DurationMs  int64  `json:"duration_ms"`
}

type outputFile struct {
	Path  string `json:"path"`
	Bytes int64  `json:"bytes"`
}

type summaryEvent struct {
	Event            string       `json:"event"`
	ExitCode         int          `json:"exit_code"`
	Compiled         int          `json:"compiled"`
	Fresh            int          `json:"fresh"`
	Downloaded       int          `json:"downloaded"`
	DownloadedCrates []string     `json:"downloaded_crates"`
	Outputs          []outputFile `json:"outputs"`
	CargoMs          int64        `json:"cargo_ms"`
	Sweep            *sweepEvent  `json:"sweep,omitempty"` // also in the summary file, which no log limit clips
	// Why cargo compiled what it compiled, from its fingerprint log; absent when nothing was.
	Rebuilds *rebuildReport `json:"rebuilds,omitempty"`
}

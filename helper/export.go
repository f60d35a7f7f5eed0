package main

import (
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// The export stage copies the helper's out dir to the build host as a whole:
//
//	<out>/summary.json   the run's summary (so no log limit can lose it)
//	<out>/files/<rel>    outputs, at their path relative to target/
//
// The helper creates the out dir only after cargo and everything it started
// are gone, so nothing a build script wrote there reaches the host.
const (
	exportSummaryFile = "summary.json"
	exportFilesDir    = "files"
)

// stopOtherProcesses kills every other process of the build container, so
// that nothing started by cargo (a daemonised build script, a test server)
// can write to the out dir or the target cache after this point. It works
// when the helper is the container's init (pid 1), as in a BuildKit RUN:
// kill(-1) then reaches the whole pid namespace. Reports whether it could.
func stopOtherProcesses() bool {
	if os.Getpid() != 1 {
		return false
	}
	syscall.Kill(-1, syscall.SIGKILL) //nolint:errcheck // ESRCH: nobody else was left
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if err == syscall.ECHILD {
			return true
		}
		if pid <= 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
	return true
}

// resetOutDir replaces whatever is at outDir by an empty out dir.
func resetOutDir(outDir string) error {
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	return os.MkdirAll(filepath.Join(outDir, exportFilesDir), 0o755)
}

func writeSummaryFile(outDir string, s summaryEvent) error {
	return writeJSONAtomic(filepath.Join(outDir, exportSummaryFile), s)
}

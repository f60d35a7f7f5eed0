package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// signalForwarder passes SIGTERM/SIGINT on to cargo. The helper may be
// PID 1 of the container, where unhandled signals are simply ignored, so
// without this an aborted Jenkins build would leave cargo running.
type signalForwarder struct {
	proc     atomic.Pointer[os.Process]
	received atomic.Value // syscall.Signal of the first termination signal
}

func (f *signalForwarder) loop(ch <-chan os.Signal) {
	for s := range ch {
		if sig, ok := s.(syscall.Signal); ok && f.received.Load() == nil {
			f.received.Store(sig)
		}
		if p := f.proc.Load(); p != nil {
			p.Signal(s) //nolint:errcheck // the process may have exited already
		}
	}
}

func (f *signalForwarder) terminated() (syscall.Signal, bool) {
	v := f.received.Load()
	if v == nil {
		return 0, false
	}
	return v.(syscall.Signal), true
}

// runCargo runs argv with stdin from /dev/null and streams its output
// through stats. It returns cargo's exit code (128+signal when killed).
func runCargo(argv []string, dir string, env []string, rewrite bool, stats *runStats,
	out, errOut *sink, fwd *signalForwarder) (int, error) {
	name := argv[0]
	if strings.Contains(name, "/") && !filepath.IsAbs(name) {
		name = filepath.Join(dir, name) // exec resolves it against the child's cwd
	}
	path, err := lookPath(name, env)
	if err != nil {
		return 0, fmt.Errorf("cannot run %q: %v", argv[0], err)
	}
	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = argv[0] // exactly the user's argv, argv[0] included
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdin = nil // /dev/null: a CI build never reads a terminal
	outR, outW := io.Pipe()
	errR, errW := io.Pipe()
	cmd.Stdout, cmd.Stderr = outW, errW
	// A grandchild (e.g. a server a test left running) may keep the pipes
	// open after cargo exits; do not wait for it forever.
	cmd.WaitDelay = 2 * time.Second

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		pumpLines(outR, keepCargoMessage,
			func(l []byte) { stats.handleStdoutLine(l, rewrite, out, errOut) },
			out.raw)
		io.Copy(io.Discard, outR) //nolint:errcheck // unblock the writer if we stopped early
	}()
	go func() {
		defer wg.Done()
		pumpLines(errR, nil, func(l []byte) { stats.handleStderrLine(l, errOut) }, errOut.raw)
		io.Copy(io.Discard, errR) //nolint:errcheck
	}()

	if err := cmd.Start(); err != nil {
		outW.Close()
		errW.Close()
		wg.Wait()
		return 0, fmt.Errorf("cannot run %q: %v", argv[0], err)
	}
	fwd.proc.Store(cmd.Process)
	if sig, ok := fwd.terminated(); ok { // arrived between Start and Store
		cmd.Process.Signal(sig) //nolint:errcheck
	}
	waitErr := cmd.Wait()
	fwd.proc.Store(nil)
	outW.Close()
	errW.Close()
	wg.Wait()

	if cmd.ProcessState == nil {
		return 0, fmt.Errorf("waiting for %q: %v", argv[0], waitErr)
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) && !errors.Is(waitErr, exec.ErrWaitDelay) {
		return 0, fmt.Errorf("waiting for %q: %v", argv[0], waitErr)
	}
	return exitCodeOf(cmd.ProcessState), nil
}

func exitCodeOf(ps *os.ProcessState) int {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ps.ExitCode()
}

package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// The helper's own events travel on the container's stderr, and only there:
// cargo's stdout and stderr both go to the container's stdout (see cmdRun),
// and no child inherits the helper's fd 2. What is left is a process in the
// build opening /proc/<helper>/fd/2; a non-dumpable process's /proc entries
// are closed to processes without CAP_SYS_PTRACE, which BuildKit does not
// grant. So a program that prints `::rustcargo::` lines only ever prints
// them to stdout, where the engine shows them as plain output.

// protectChannel makes the helper non-dumpable. Children get their own
// dumpable flag back at execve, so cargo and tests are unaffected.
func protectChannel() error {
	_, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_DUMPABLE, 0, 0)
	if errno != 0 {
		return errno
	}
	return nil
}

// eventStream is where events go: the container's stderr.
func eventStream() *os.File { return os.Stderr }

// startCargoStep prepares a step that runs cargo (fetch or run): cargo's output goes to stdout,
// the helper's events to their protected channel, and SIGTERM/SIGINT are forwarded to cargo.
func startCargoStep() (*sink, *emitter, *signalForwarder, error) {
	em := &emitter{out: newSink(eventStream())}
	if err := protectChannel(); err != nil {
		return nil, nil, nil, fmt.Errorf("cannot protect the event channel: %v", err)
	}
	fwd := &signalForwarder{}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	go fwd.loop(sigs)
	return newSink(os.Stdout), em, fwd, nil
}

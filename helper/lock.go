package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// heldLock keeps the lock file open (and so the lock held) for the helper's
// whole life; the kernel releases it when the process ends, however it ends.
var heldLock *os.File

// lockTarget takes the helper's own exclusive lock on the target cache.
// BuildKit's `sharing=locked` lives in the daemon's memory: if buildkitd
// dies, a build container it started may keep running, and a restarted
// daemon would hand the same cache to the next build at once. This flock
// lives in the cache itself, so the next helper waits for the old one.
func lockTarget(stateDir string, warn func(string)) error {
	f, err := os.OpenFile(filepath.Join(stateDir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("cannot open the target cache lock: %v", err)
	}
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == syscall.EWOULDBLOCK {
		warn("the target cache is still in use by an earlier build's helper (a build container that outlived its buildkitd?); waiting for it to finish")
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
	}
	if err != nil {
		f.Close()
		return fmt.Errorf("cannot lock the target cache: %v", err)
	}
	heldLock = f
	return nil
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// maxCachePathBytes bounds path length inside the target cache. buildkitd
// sees the cache under its own root (e.g. /var/lib/buildkit/runc-overlayfs/
// snapshots/snapshots/123/fs), and one path longer than PATH_MAX (4096)
// there breaks `buildctl du`, prune and BuildKit's GC for the whole daemon.
// 3072 bytes inside the container leaves a kilobyte for the daemon's root.
const maxCachePathBytes = 3072

// boundPathLengths removes everything under root whose path is longer than
// limit bytes, so that the cache never holds a path the daemon cannot
// handle. Deeper trees go as a whole: os.RemoveAll works relative to open
// directories, so it reaches below PATH_MAX.
func boundPathLengths(root string, limit int, warn func(string)) {
	removed := 0
	var visit func(dir string)
	visit = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if len(p) > limit {
				if os.RemoveAll(p) == nil {
					removed++
				} else {
					warn(fmt.Sprintf("cannot remove the over-long path under %s", quoteName(dir)))
				}
				continue
			}
			if e.IsDir() {
				visit(p)
			}
		}
	}
	visit(root)
	if removed > 0 {
		warn(fmt.Sprintf("removed %d paths longer than %d bytes from the target cache: they would break BuildKit's disk usage, prune and garbage collection", removed, limit))
	}
}

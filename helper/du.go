package main

import (
	"io/fs"
	"os"
	"path/filepath"
)

// treeSize sums st_size of the regular files under p. Every path counts,
// hard links included (cargo hard-links uplifted binaries into deps/): this
// keeps the total consistent with how items are sized before deletion, so
// the size rule's arithmetic matches what a re-walk would measure.
func treeSize(p string) int64 {
	var total int64
	filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error { //nolint:errcheck
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			total += fi.Size()
		}
		return nil
	})
	return total
}

func fileSize(p string) int64 {
	fi, err := os.Lstat(p)
	if err != nil || fi.IsDir() {
		return treeSize(p)
	}
	return fi.Size()
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// sourceFile is one regular file of the workspace as seen by the walk.
type sourceFile struct {
	rel     string // slash-separated, relative to the workspace
	abs     string
	size    int64
	mtimeNs int64
}

// walkWorkspace lists the workspace's regular files, skipping the top-level
// target dir, the configured target dir and every .git dir, without
// following symlinks. Unreadable directories are skipped; the first such
// error is returned alongside the files.
func walkWorkspace(workspace, targetDir string) ([]sourceFile, error) {
	var files []sourceFile
	var firstErr error
	topTarget := filepath.Join(workspace, "target")
	err := filepath.WalkDir(workspace, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			if d != nil && d.IsDir() && p != workspace {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != workspace && (d.Name() == ".git" || p == topTarget || p == targetDir) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // vanished meanwhile
		}
		rel, _ := filepath.Rel(workspace, p)
		files = append(files, sourceFile{
			rel: filepath.ToSlash(rel), abs: p,
			size: info.Size(), mtimeNs: info.ModTime().UnixNano(),
		})
		return nil
	})
	if err != nil && firstErr == nil {
		firstErr = err
	}
	return files, firstErr
}

// hashFiles returns the hex sha256 of every file whose index passes want
// ("" for files that could not be read or were not wanted). A bounded pool
// keeps thousands of small source files well under a second.
func hashFiles(files []sourceFile, want func(i int) bool) []string {
	sums := make([]string, len(files))
	workers := max(4, 2*runtime.GOMAXPROCS(0))
	jobs := make(chan int, workers*4)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(files)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 64<<10)
			for i := range jobs {
				sums[i] = hashFile(files[i].abs, buf)
			}
		}()
	}
	for i := range files {
		if want == nil || want(i) {
			jobs <- i
		}
	}
	close(jobs)
	wg.Wait()
	return sums
}

func hashFile(p string, buf []byte) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

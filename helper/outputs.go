package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// copyOutputs copies every regular file under targetDir whose slash-separated
// relative path fully matches re to outDir/<same relative path>, keeping the
// permission bits. It runs in the same locked RUN as cargo, so a concurrent
// build of the same cache can never swap the outputs underneath (earthly/lib
// PR #61). A symlink is followed only when it points to a regular file.
// Whatever it cannot export (a name with control characters, a directory it
// cannot read) is reported through warn rather than dropped silently.
func copyOutputs(targetDir, outDir string, re *regexp.Regexp, warn func(string)) ([]outputFile, error) {
	outputs := []outputFile{}
	// The export stage copies outDir as a whole; it must exist even when nothing matched,
	// or the build would fail after a successful cargo run.
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	err := filepath.WalkDir(targetDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == targetDir {
				return err
			}
			warn(fmt.Sprintf("output search skipped %s: %v", quoteName(p), err))
			return nil
		}
		rel, _ := filepath.Rel(targetDir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == ".rustcargo" {
				return fs.SkipDir
			}
			return nil
		}
		if !re.MatchString(rel) {
			return nil
		}
		if hasControlChar(rel) {
			warn(fmt.Sprintf("output %s not exported: its name contains control characters", quoteName(rel)))
			return nil
		}
		info, err := os.Stat(p) // follows a symlink
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		n, err := copyFile(p, filepath.Join(outDir, filepath.FromSlash(rel)), info.Mode().Perm())
		if err != nil {
			return fmt.Errorf("cannot copy output %s: %v", quoteName(rel), err)
		}
		outputs = append(outputs, outputFile{Path: rel, Bytes: n})
		return nil
	})
	return outputs, err
}

func hasControlChar(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}

// quoteName shows a path on one line, escaping control characters.
func quoteName(s string) string {
	if hasControlChar(s) {
		return strconv.Quote(s)
	}
	return s
}

func copyFile(src, dst string, perm fs.FileMode) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, err
	}
	os.Remove(dst) // a read-only leftover must not block the copy
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(dst, perm) // the umask must not strip bits
	}
	return n, err
}

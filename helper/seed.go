package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// cmdSeed implements `seed --from DIR --to DIR`: an untrusted build's own
// target cache starts as a copy of the trusted one (mounted read-only at
// DIR), so it is warm without ever writing to the trusted cache. A cache
// that already has content is left alone. --caches names the two cache
// ids; the helper only shows it, but it keeps BuildKit's step cache apart.
func cmdSeed(args []string) int {
	var from, to, caches string
	for i := 0; i+1 < len(args); i += 2 {
		switch args[i] {
		case "--from":
			from = args[i+1]
		case "--to":
			to = args[i+1]
		case "--caches":
			caches = args[i+1]
		default:
			return helperFail("seed: unexpected argument %q", args[i])
		}
	}
	if from == "" || to == "" || len(args)%2 != 0 {
		return helperFail("usage: rustcargo-helper seed --from DIR --to DIR [--caches TEXT]")
	}
	entries, err := os.ReadDir(to)
	if err != nil {
		return helperFail("seed: %v", err)
	}
	if len(entries) > 0 {
		fmt.Printf("rustcargo-helper: the untrusted target cache has content; not seeding it (%s)\n", caches)
		return 0
	}
	files, bytes, err := copyTree(from, to)
	if err != nil {
		// Half a copy could pair fresh-looking fingerprints with missing
		// files: start cold instead.
		clearDir(to)
		fmt.Printf("rustcargo-helper: seeding the untrusted target cache failed (%v); it starts empty\n", err)
		return 0
	}
	fmt.Printf("rustcargo-helper: seeded the untrusted target cache from the trusted one (%s): %d files, %d bytes\n",
		caches, files, bytes)
	return 0
}

// copyTree copies regular files (with mode and mtime, which cargo's
// freshness checks compare), directories and symlinks (as links, never
// followed). Other file types are skipped.
func copyTree(from, to string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(from, func(p string, d fs.DirEntry, walkErr error) error {
		if walkErr != nil {
			return walkErr
		}
		rel, err := filepath.Rel(from, p)
		if err != nil || rel == "." {
			return err
		}
		dst := filepath.Join(to, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, info.Mode().Perm()|0o700)
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, dst)
		case d.Type().IsRegular():
			n, err := copySeedFile(p, dst, info)
			files++
			bytes += n
			return err
		}
		return nil
	})
	return files, bytes, err
}

func copySeedFile(src, dst string, info fs.FileInfo) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, err
	}
	return n, os.Chtimes(dst, info.ModTime(), info.ModTime())
}

func clearDir(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name())) //nolint:errcheck // best effort, then cold
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
)

// Small helpers over KEY=VALUE environment slices, so the child's
// environment is built explicitly instead of mutating our own.

func envGet(env []string, key string) (string, bool) {
	prefix := key + "="
	for i := len(env) - 1; i >= 0; i-- { // last one wins, as in exec
		if strings.HasPrefix(env[i], prefix) {
			return env[i][len(prefix):], true
		}
	}
	return "", false
}

func envSet(env []string, key, value string) []string {
	prefix := key + "="
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, prefix) {
			out = append(out, kv)
		}
	}
	return append(out, prefix+value)
}

// lookPath resolves name against the PATH of env (not our own PATH: the
// child's PATH gets the image's $CARGO_HOME/bin appended).
func lookPath(name string, env []string) (string, error) {
	if strings.Contains(name, "/") {
		if err := checkExecutable(name); err != nil {
			return "", err
		}
		return name, nil
	}
	path, _ := envGet(env, "PATH")
	for _, dir := range filepath.SplitList(path) {
		if dir == "" || !filepath.IsAbs(dir) {
			continue // never resolve through cwd-relative PATH entries
		}
		p := filepath.Join(dir, name)
		if checkExecutable(p) == nil {
			return p, nil
		}
	}
	return "", &os.PathError{Op: "exec", Path: name, Err: errNotFoundInPath}
}

type pathErr string

func (e pathErr) Error() string { return string(e) }

const errNotFoundInPath = pathErr("executable file not found in PATH")

func checkExecutable(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		return &os.PathError{Op: "exec", Path: p, Err: os.ErrPermission}
	}
	return nil
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The fetch step is the only step that mounts the shared CARGO_HOME
// writable and has the network. Only cargo runs in it (`cargo fetch` runs
// no build script, proc macro or test), so no build can change the registry
// sources, .crate files or git checkouts that later builds compile. The
// build step then mounts CARGO_HOME read-only (see cargoHomeView).

// fetchState is what the fetch step leaves in the container's root file
// system for the build step of the same call.
type fetchState struct {
	CargoHome    string   `json:"cargo_home"`
	CargoVersion string   `json:"cargo_version"`
	Lockfile     string   `json:"lockfile,omitempty"`
	Downloaded   []string `json:"downloaded_crates"`
	ExitCode     int      `json:"exit_code"`
	HadRegistry  bool     `json:"had_registry"` // the cache held registry/ when the fetch ended
}

// cargoHomeViewDir is the build step's CARGO_HOME: a directory in the
// container's own (discarded) file system whose registry/ and git/ link into
// the read-only cache. Cargo's lock files, its last-use database and
// anything a build writes there (`cargo login` tokens) vanish with the step.
const cargoHomeViewDir = "/tmp/rustcargo-cargo-home"

// cmdFetch implements `fetch --config FILE -- cargo [+toolchain] ARGS...`:
// it fetches what the user's command needs, with the same toolchain.
func cmdFetch(args []string) int {
	cfgPath, rest, err := parseConfigFlag(args)
	if err != nil {
		return helperFail("%v", err)
	}
	if len(rest) < 2 || rest[0] != "--" {
		return helperFail("usage: rustcargo-helper fetch --config FILE -- ARGV...")
	}
	argv := rest[1:]
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return helperFail("%v", err)
	}
	if cfg.FetchState == "" {
		return helperFail("config: fetch_state is missing")
	}
	out, em, fwd, err := startCargoStep()
	if err != nil {
		return helperFail("%v", err)
	}

	env := os.Environ()
	origHome, err := originalCargoHome(env)
	if err != nil {
		return helperFail("%v", err)
	}
	dir := cfg.Workspace
	if cfg.Untrusted {
		// Cargo reads .cargo/config.toml and rustup reads rust-toolchain.toml
		// from the working directory upwards; both can name programs to run
		// (rustc-wrapper, credential providers, a toolchain path). Run from
		// outside the workspace so none of the untrusted files apply here.
		dir = "/"
		if !hasToolchainArg(argv) {
			if tc, warning := workspaceToolchain(cfg.Workspace); tc != "" {
				env = envSet(env, "RUSTUP_TOOLCHAIN", tc)
			} else if warning != "" {
				em.warn(warning)
			}
		}
	}
	version, err := cargoVersion(argv, dir, env)
	if err != nil {
		return helperFail("%v", err)
	}
	home := filepath.Join(cfg.CargoHomeBase, cargoHomeKey(readOSRelease(), version))
	if err := os.MkdirAll(home, 0o755); err != nil {
		return helperFail("cannot create CARGO_HOME: %v", err)
	}
	cenv := childEnv(env, origHome, home, cfg.TargetDir)
	if w := copyImageConfig(origHome, rootCargoConfigDir); w != "" {
		em.warn(w)
	}
	for k, v := range credentialEnv(origHome) {
		if cur, ok := envGet(cenv, k); !ok || cur == "" {
			cenv = envSet(cenv, k, v)
		}
	}
	lock := filepath.Join(cfg.Workspace, "Cargo.lock")
	_, lockErr := os.Stat(lock)
	hadLock := lockErr == nil

	stats := &runStats{}
	exit, err := runCargo(fetchArgs(argv, cfg.Workspace, cfg.Untrusted), dir, cenv, false, stats, out, out, fwd)
	if err != nil {
		return helperFail("%v", err)
	}
	state := fetchState{CargoHome: home, CargoVersion: version, ExitCode: exit, Downloaded: []string{}}
	if _, err := os.Stat(filepath.Join(home, "registry")); err == nil {
		state.HadRegistry = true
	}
	stats.mu.Lock()
	state.Downloaded = append(state.Downloaded, stats.downloaded...)
	stats.mu.Unlock()
	if exit != 0 {
		em.warn(fmt.Sprintf("cargo fetch failed (exit code %d): the build goes on offline with what the cache holds", exit))
	}
	// The workspace's writes vanish with the step: keep the lockfile cargo
	// resolved, so the build step uses exactly the fetched versions.
	if !hadLock {
		if b, err := os.ReadFile(lock); err == nil {
			saved := filepath.Join(filepath.Dir(cfg.FetchState), "Cargo.lock")
			if os.MkdirAll(filepath.Dir(saved), 0o755) == nil && os.WriteFile(saved, b, 0o644) == nil {
				state.Lockfile = saved
			}
		}
	}
	if err := writeJSONAtomic(cfg.FetchState, state); err != nil {
		return helperFail("cannot record the fetch: %v", err)
	}
	return 0
}

// fetchArgs turns the user's cargo argv into the `cargo fetch` that gets
// the same dependencies: the toolchain, manifest, targets, --config and -Z
// flags, and the lockfile/offline flags carry over; everything after `--`
// belongs to the program and is dropped.
func fetchArgs(argv []string, workspace string, untrusted bool) []string {
	out := []string{argv[0]}
	i := 1
	if hasToolchainArg(argv) {
		out = append(out, argv[1])
		i = 2
	}
	out = append(out, "fetch")
	manifest := ""
	for ; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			break
		}
		name, value, inline := strings.Cut(a, "=")
		switch {
		case a == "--locked" || a == "--frozen" || a == "--offline":
			out = append(out, a)
		case name == "--manifest-path" || name == "--target" || name == "--config" || a == "-Z":
			if !inline {
				if i+1 >= len(argv) {
					continue
				}
				i++
				value = argv[i]
			}
			switch {
			case name == "--manifest-path":
				manifest = value
			case name == "--config" && untrusted && !strings.Contains(value, "="):
				// A config file path would let the workspace's files apply after all.
			default:
				out = append(out, name, value)
			}
		case strings.HasPrefix(a, "-Z"):
			out = append(out, a)
		}
	}
	if untrusted {
		// The working directory is outside the workspace (see cmdFetch).
		if manifest == "" {
			manifest = "Cargo.toml"
		}
		if !filepath.IsAbs(manifest) {
			manifest = filepath.Join(workspace, manifest)
		}
	}
	if manifest != "" {
		out = append(out, "--manifest-path", manifest)
	}
	return out
}

func hasToolchainArg(argv []string) bool {
	return len(argv) > 1 && filepath.Base(argv[0]) == "cargo" && strings.HasPrefix(argv[1], "+")
}

var (
	toolchainName    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	toolchainChannel = regexp.MustCompile(`(?m)^\s*channel\s*=\s*["']([^"']*)["']`)
	toolchainPath    = regexp.MustCompile(`(?m)^\s*path\s*=`)
)

// workspaceToolchain reads the channel of the workspace's toolchain file
// without running anything, so an untrusted fetch uses the same toolchain
// (and so the same CARGO_HOME) as its build. A custom toolchain path is
// never followed: it would run the workspace's own binary as cargo.
func workspaceToolchain(workspace string) (channel, warning string) {
	for _, name := range []string{"rust-toolchain.toml", "rust-toolchain"} {
		b, err := os.ReadFile(filepath.Join(workspace, name))
		if err != nil {
			continue
		}
		text := string(b)
		if toolchainPath.MatchString(text) {
			return "", name + " names a toolchain path, which an untrusted build does not use for fetching"
		}
		if m := toolchainChannel.FindStringSubmatch(text); m != nil {
			text = m[1]
		} else if strings.Contains(text, "[") {
			return "", ""
		}
		text = strings.TrimSpace(text)
		if toolchainName.MatchString(text) {
			return text, ""
		}
		return "", fmt.Sprintf("%s names toolchain %q, which is not a plain channel name", name, text)
	}
	return "", ""
}

// cargoHomeView makes the build step's CARGO_HOME: see cargoHomeViewDir.
func cargoHomeView(cacheHome, view string) (string, error) {
	if err := os.MkdirAll(view, 0o755); err != nil {
		return "", err
	}
	for _, name := range []string{"registry", "git"} {
		target := filepath.Join(cacheHome, name)
		if _, err := os.Lstat(target); err != nil {
			continue
		}
		link := filepath.Join(view, name)
		if err := os.Symlink(target, link); err != nil && !os.IsExist(err) {
			return "", err
		}
	}
	return view, nil
}

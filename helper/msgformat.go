package main

import (
	"regexp"
	"strings"
)

// Cargo only reports per-unit information (fresh/compiled, artifact paths)
// as JSON messages, so the helper asks for them where the subcommand
// supports --message-format and the user did not choose a format.

var messageFormatCommands = map[string]bool{
	"build": true, "b": true, "check": true, "c": true, "test": true, "t": true,
	"bench": true, "run": true, "r": true, "clippy": true, "doc": true, "d": true,
	"rustc": true, "rustdoc": true,
}

// Global cargo options that come before the subcommand.
var (
	globalFlags = map[string]bool{
		"--verbose": true, "--quiet": true, "-q": true,
		"--locked": true, "--offline": true, "--frozen": true,
	}
	globalValueOptions = []string{"--color", "-C", "--config", "-Z"}
	verboseFlag        = regexp.MustCompile(`^-v+$`)
)

// subcommandIndex returns the index of the subcommand in argv (argv[0] is
// the program), or -1 if there is none or it cannot be told.
func subcommandIndex(argv []string) int {
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		switch {
		case a == "--":
			return -1
		case strings.HasPrefix(a, "+") && len(a) > 1:
			continue // rustup toolchain
		case globalFlags[a] || verboseFlag.MatchString(a):
			continue
		}
		if opt, attached := globalValueOption(a); opt {
			if !attached {
				i++ // skip the value
			}
			continue
		}
		if strings.HasPrefix(a, "-") {
			return -1 // unknown option: do not guess
		}
		return i
	}
	return -1
}

// globalValueOption reports whether a is a global option taking a value,
// and whether that value is attached (--color=always, -Znext-lockfile-bump).
func globalValueOption(a string) (isOpt, attached bool) {
	for _, o := range globalValueOptions {
		if a == o {
			return true, false
		}
		if strings.HasPrefix(a, o+"=") {
			return true, true
		}
		// short options also take an attached value: -Zfoo, -C/dir
		if len(o) == 2 && strings.HasPrefix(a, o) && len(a) > 2 {
			return true, true
		}
	}
	return false, false
}

// userMessageFormat returns the --message-format the user passed before a
// bare "--" (program arguments after it are not cargo's).
func userMessageFormat(argv []string) (string, bool) {
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			break
		}
		if a == "--message-format" {
			if i+1 < len(argv) {
				return argv[i+1], true
			}
			return "", true
		}
		if v, ok := strings.CutPrefix(a, "--message-format="); ok {
			return v, true
		}
	}
	return "", false
}

// injectMessageFormat returns argv with --message-format=json... inserted
// right after the subcommand, or argv unchanged (and false) when it must not
// be: the user chose a format or the subcommand does not take one.
// colorAlways selects the ANSI-rendered diagnostics (CARGO_TERM_COLOR=always).
func injectMessageFormat(argv []string, colorAlways bool) ([]string, bool) {
	if _, chosen := userMessageFormat(argv); chosen {
		return argv, false
	}
	i := subcommandIndex(argv)
	if i < 0 || !messageFormatCommands[argv[i]] {
		return argv, false
	}
	format := "--message-format=json"
	if colorAlways {
		format = "--message-format=json-diagnostic-rendered-ansi"
	}
	out := make([]string, 0, len(argv)+1)
	out = append(out, argv[:i+1]...)
	out = append(out, format)
	out = append(out, argv[i+1:]...)
	return out, true
}

// Command rustcargo-helper runs inside the build container, under BuildKit's
// lock on the target cache mount. It prepares CARGO_HOME, keeps cargo's
// mtime-based freshness honest, runs cargo, copies outputs, sweeps the target
// cache and reports to the Java engine through `::rustcargo::` event lines.
package main

import (
	"fmt"
	"os"
	"strings"
)

// version is overridable with -ldflags '-X main.version=...'.
var version = "0.1.0"

// exitHelperError is reserved for failures of the helper itself, so the
// engine can tell them apart from cargo's own exit codes (0, 101, ...).
const exitHelperError = 125

func main() {
	os.Exit(realMain(os.Args[1:]))
}

func realMain(args []string) int {
	if len(args) == 0 {
		return helperFail("usage: rustcargo-helper run --config FILE -- ARGV... | sweep --config FILE | check-output PATTERN | version")
	}
	switch args[0] {
	case "run":
		return cmdRun(args[1:])
	case "sweep":
		return cmdSweep(args[1:])
	case "check-output":
		return cmdCheckOutput(args[1:])
	case "version", "--version":
		fmt.Println("rustcargo-helper", version)
		return 0
	default:
		return helperFail("unknown command %q (expected run, sweep, check-output or version)", args[0])
	}
}

// helperFail prints the one-line helper error and returns the reserved code.
func helperFail(format string, a ...any) int {
	printHelperError(fmt.Sprintf(format, a...))
	return exitHelperError
}

func printHelperError(msg string) {
	// The engine shows this line verbatim; keep it to exactly one line.
	msg = strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", " ")), " ")
	fmt.Fprintf(os.Stderr, "rustcargo-helper: %s\n", msg)
}

// parseConfigFlag extracts --config FILE (or --config=FILE) from args and
// returns the remaining args.
func parseConfigFlag(args []string) (string, []string, error) {
	var cfg string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case a == "--config":
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--config needs a file")
			}
			cfg = args[i+1]
			i++
		case strings.HasPrefix(a, "--config="):
			cfg = strings.TrimPrefix(a, "--config=")
		default:
			return "", nil, fmt.Errorf("unexpected argument %q", a)
		}
	}
	if cfg == "" {
		return "", nil, fmt.Errorf("missing --config FILE")
	}
	return cfg, rest, nil
}

package main

import (
	"fmt"
	"regexp"
	"strings"
)

// compileOutputPattern compiles the output pattern exactly as the export
// applies it: the whole path relative to target/ must match. The pattern must
// also parse on its own, so that "a)|(b" cannot break out of the anchoring
// group and match more than the user wrote.
func compileOutputPattern(pattern string) (*regexp.Regexp, error) {
	if _, err := regexp.Compile(pattern); err != nil {
		return nil, err
	}
	return regexp.Compile("^(?:" + pattern + ")$")
}

// cmdCheckOutput is the engine's up-front check of an output pattern, run on
// the build host before any daemon work so that the same Go regexp engine that
// applies the pattern also judges it. Exit 0: valid; exit 2: one line on
// stdout saying why not.
func cmdCheckOutput(args []string) int {
	if len(args) != 1 {
		return helperFail("usage: rustcargo-helper check-output PATTERN")
	}
	if _, err := compileOutputPattern(args[0]); err != nil {
		msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
		fmt.Println(strings.Join(strings.Fields(msg), " "))
		return 2
	}
	return 0
}

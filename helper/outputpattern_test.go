package main

import "testing"

func TestCompileOutputPatternAnchorsAndRefusesWhatGoCannotCompile(t *testing.T) {
	re, err := compileOutputPattern(`release/[^/.]+`)
	if err != nil {
		t.Fatal(err)
	}
	if !re.MatchString("release/app") || re.MatchString("release/app.d") || re.MatchString("x/release/app") {
		t.Fatalf("pattern must match whole paths only")
	}
	for _, bad := range []string{`release/(`, `a(?=b)`, `(a)\1`, `a{1001}`, `\p{Alpha}`, `a)|(b`, `a++`} {
		if _, err := compileOutputPattern(bad); err == nil {
			t.Errorf("%q compiled, but Go's regexp must refuse it", bad)
		}
	}
	// Valid in Go although Java's regex engine rejects it: the check must not depend on Java.
	if _, err := compileOutputPattern(`(?P<bin>release/[a-z]+)`); err != nil {
		t.Errorf("named group refused: %v", err)
	}
}

func TestCheckOutputExitCodes(t *testing.T) {
	if code := realMain([]string{"check-output", `release/[^/.]+`}); code != 0 {
		t.Errorf("valid pattern: exit %d", code)
	}
	if code := realMain([]string{"check-output", `release/(`}); code != 2 {
		t.Errorf("invalid pattern: exit %d, want 2", code)
	}
}

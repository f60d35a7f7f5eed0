package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// rootCargoConfigDir receives the image's CARGO_HOME config. Cargo reads
// config from every ancestor of the cwd (/workspace) before $CARGO_HOME, so
// /.cargo keeps the image's settings applying with lower priority than the
// workspace's own .cargo/config.toml. The container root fs is thrown away
// after the RUN, so nothing leaks into the shared cache.
const rootCargoConfigDir = "/.cargo"

// copyImageConfig copies <origHome>/config.toml (or legacy "config") to
// <destDir>/config.toml. It reports what it did as a warning text when the
// config could not be applied; the build still goes on.
func copyImageConfig(origHome, destDir string) (warning string) {
	var src []byte
	var srcPath string
	for _, name := range []string{"config.toml", "config"} {
		p := filepath.Join(origHome, name)
		b, err := os.ReadFile(p)
		if err == nil {
			src, srcPath = b, p
			break
		}
	}
	if srcPath == "" {
		return ""
	}
	dest := filepath.Join(destDir, "config.toml")
	for _, existing := range []string{dest, filepath.Join(destDir, "config")} {
		if cur, err := os.ReadFile(existing); err == nil {
			if bytes.Equal(cur, src) {
				return ""
			}
			// The image ships its own /.cargo config: it applies anyway, and
			// overwriting it would silently drop settings.
			return fmt.Sprintf("%s exists in the image, so %s is not applied", existing, srcPath)
		}
	}
	if err := os.MkdirAll(destDir, 0o755); err != nil {
		return fmt.Sprintf("cannot apply %s: %v", srcPath, err)
	}
	if err := os.WriteFile(dest, src, 0o644); err != nil {
		return fmt.Sprintf("cannot apply %s: %v", srcPath, err)
	}
	return ""
}

// credentialEnv reads <origHome>/credentials.toml (or legacy "credentials")
// and returns the environment variables that carry its tokens. Credentials
// are passed through the child's environment only, never copied into the
// shared CARGO_HOME cache.
func credentialEnv(origHome string) map[string]string {
	for _, name := range []string{"credentials.toml", "credentials"} {
		b, err := os.ReadFile(filepath.Join(origHome, name))
		if err == nil {
			return parseCredentials(string(b))
		}
	}
	return nil
}

// parseCredentials understands the forms cargo login writes:
//
//	[registry]
//	token = "..."
//	[registries.NAME]   (or [registries."NAME"])
//	token = "..."
func parseCredentials(text string) map[string]string {
	out := map[string]string{}
	section := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = ""
			end := strings.Index(line, "]")
			if end < 0 {
				continue
			}
			header := strings.TrimSpace(line[1:end])
			switch {
			case header == "registry":
				section = "CARGO_REGISTRY_TOKEN"
			case strings.HasPrefix(header, "registries."):
				name := unquoteTOML(strings.TrimSpace(strings.TrimPrefix(header, "registries.")))
				if name != "" {
					section = "CARGO_REGISTRIES_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_")) + "_TOKEN"
				}
			}
			continue
		}
		if section == "" {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(key) != "token" {
			continue
		}
		if tok := unquoteTOML(stripTOMLComment(strings.TrimSpace(value))); tok != "" {
			out[section] = tok
		}
	}
	return out
}

func stripTOMLComment(v string) string {
	if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
		return v
	}
	// find the closing quote, honouring backslash escapes in basic strings
	for i := 1; i < len(v); i++ {
		if v[0] == '"' && v[i] == '\\' {
			i++
			continue
		}
		if v[i] == v[0] {
			return v[:i+1]
		}
	}
	return v
}

func unquoteTOML(v string) string {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return v[1 : len(v)-1]
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
		return v[1 : len(v)-1]
	}
	return v
}

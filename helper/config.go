package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// Config is the run.json the engine writes next to the helper.
type Config struct {
	Workspace           string
	TargetDir           string
	CargoHomeBase       string
	OutDir              string
	OutputRegex         string
	Freshness           string
	InjectMessageFormat bool
	MaxAgeSeconds       int64 // <0 disables the age rule; 0 = everything not used this run
	MaxSizeBytes        int64 // <0 disables the size rule

	outputRe *regexp.Regexp // nil when OutputRegex == ""
}

// rawConfig uses pointers so that missing optional fields get defaults
// instead of Go's zero values (inject_message_format must default to true).
type rawConfig struct {
	Workspace           *string `json:"workspace"`
	TargetDir           *string `json:"target_dir"`
	CargoHomeBase       *string `json:"cargo_home_base"`
	OutDir              *string `json:"out_dir"`
	OutputRegex         *string `json:"output_regex"`
	Freshness           *string `json:"freshness"`
	InjectMessageFormat *bool   `json:"inject_message_format"`
	Sweep               *struct {
		MaxAgeSeconds *int64 `json:"max_age_seconds"`
		MaxSizeBytes  *int64 `json:"max_size_bytes"`
	} `json:"sweep"`
}

const (
	freshnessManifest     = "manifest"
	freshnessFingerprints = "fingerprints"
	defaultMaxAgeSeconds  = 4 * 24 * 3600 // same default as cargo-sweep -t 4 in earthly/lib
)

func loadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config: %v", err)
	}
	return parseConfig(data)
}

func parseConfig(data []byte) (*Config, error) {
	var raw rawConfig
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("invalid config JSON: %v", err)
	}
	str := func(p *string, def string) string {
		if p == nil {
			return def
		}
		return *p
	}
	c := &Config{
		Workspace:           str(raw.Workspace, "/workspace"),
		CargoHomeBase:       str(raw.CargoHomeBase, "/opt/rustcargo-cargo-home"),
		OutDir:              str(raw.OutDir, "/rustcargo-out"),
		OutputRegex:         str(raw.OutputRegex, ""),
		Freshness:           str(raw.Freshness, freshnessManifest),
		InjectMessageFormat: raw.InjectMessageFormat == nil || *raw.InjectMessageFormat,
		MaxAgeSeconds:       defaultMaxAgeSeconds,
		MaxSizeBytes:        -1,
	}
	if c.Freshness == "" {
		c.Freshness = freshnessManifest
	}
	if raw.Sweep != nil {
		if raw.Sweep.MaxAgeSeconds != nil {
			c.MaxAgeSeconds = *raw.Sweep.MaxAgeSeconds
		}
		if raw.Sweep.MaxSizeBytes != nil {
			c.MaxSizeBytes = *raw.Sweep.MaxSizeBytes
		}
	}
	if c.Workspace == "" || !filepath.IsAbs(c.Workspace) {
		return nil, fmt.Errorf("config: workspace must be an absolute path, got %q", c.Workspace)
	}
	c.Workspace = filepath.Clean(c.Workspace)
	c.TargetDir = str(raw.TargetDir, "")
	if c.TargetDir == "" {
		c.TargetDir = filepath.Join(c.Workspace, "target")
	} else if !filepath.IsAbs(c.TargetDir) {
		c.TargetDir = filepath.Join(c.Workspace, c.TargetDir)
	}
	c.TargetDir = filepath.Clean(c.TargetDir)
	if c.CargoHomeBase == "" || !filepath.IsAbs(c.CargoHomeBase) {
		return nil, fmt.Errorf("config: cargo_home_base must be an absolute path, got %q", c.CargoHomeBase)
	}
	if c.Freshness != freshnessManifest && c.Freshness != freshnessFingerprints {
		return nil, fmt.Errorf("config: freshness must be %q or %q, got %q", freshnessManifest, freshnessFingerprints, c.Freshness)
	}
	if c.OutputRegex != "" {
		if c.OutDir == "" || !filepath.IsAbs(c.OutDir) {
			return nil, fmt.Errorf("config: out_dir must be an absolute path, got %q", c.OutDir)
		}
		re, err := compileOutputPattern(c.OutputRegex)
		if err != nil {
			return nil, fmt.Errorf("invalid output pattern %q: %v", c.OutputRegex, err)
		}
		c.outputRe = re
	}
	return c, nil
}

// stateDir is where the helper keeps its own files inside the target cache.
func (c *Config) stateDir() string { return filepath.Join(c.TargetDir, ".rustcargo") }

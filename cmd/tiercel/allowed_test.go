package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var goldenAllowed = []goldenCase{
	{"allowed", []string{"allowed", "cases.create", "--role", "roles/cloudsupport.techSupportEditor"}, exitOK},
	{"allowed-denied", []string{"allowed", "--role", "roles/cloudsupport.viewer", "cases.comment"}, exitFail},
	{"allowed-json", []string{"allowed", "--output", "json", "chat.use", "--tier", "looker-premier"}, exitOK},
	{"allowed-group", []string{"allowed", "--catalog", "testdata/tiers.yaml", "cases.create", "--group", "support"}, exitOK},
	{"allowed-unknown", []string{"allowed", "cases.delete"}, exitUndecidable},
	{"allowed-help", []string{"allowed", "--help"}, exitOK},
}

func TestAllowedGolden(t *testing.T) { runGolden(t, goldenAllowed) }

func TestAllowed(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		decision string // the decision row
		rule     string
	}{
		{"a role that may", []string{"cases.create", "--role", "roles/cloudsupport.techSupportEditor"}, "allowed", "permissions.cases.create"},
		{"a role that may not", []string{"cases.comment", "--role", "roles/cloudsupport.viewer"}, "denied", "permissions.cases.comment"},
		{"no role at all", []string{"cases.create"}, "denied", "permissions.cases.create"},
		{"a group of the catalog", []string{"cases.create", "--group", "support", "--catalog", "testdata/tiers.yaml"}, "allowed", "permissions.cases.create"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"allowed"}, tt.args...)...)
			want := exitOK
			if tt.decision == "denied" {
				want = exitFail // the answer is "no"
			}
			require.Equal(t, want, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.args[0], rowValue(t, stdout, "action"))
			assert.Equal(t, tt.decision, rowValue(t, stdout, "decision"))
			assert.Equal(t, tt.rule, rowValue(t, stdout, "rule"))
		})
	}
}

func TestAllowedJSON(t *testing.T) {
	for _, tt := range []struct {
		role string
		want bool
	}{
		{"roles/cloudsupport.techSupportEditor", true},
		{"roles/cloudsupport.viewer", false},
	} {
		t.Run(tt.role, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, "allowed", "cases.create", "--role", tt.role, "--output", "json")
			want := exitFail // denied: the answer is "no"
			if tt.want {
				want = exitOK
			}
			assert.Equal(t, want, code, stderr)
			var got struct {
				Action  string `json:"action"`
				Allowed bool   `json:"allowed"`
				Rule    string `json:"rule"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
			assert.Equal(t, "cases.create", got.Action)
			assert.Equal(t, tt.want, got.Allowed)
			assert.Equal(t, "permissions.cases.create", got.Rule)
		})
	}
}

func TestAllowedUsageErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no action", nil, "tiercel allowed: want one action, e.g. cases.create; got 0 arguments\n"},
		{"two actions", []string{"cases.create", "cases.view"}, "got 2 arguments\n"},
		{"bad priority", []string{"cases.create", "--priority", "P0"}, `--priority: invalid priority "P0"`},
		{"bad zone", []string{"cases.view", "--zone", "Mars/Base"}, `--zone: unknown time zone "Mars/Base"`},
		{"bad attr", []string{"cases.create", "--attr", "x"}, `--attr: want key=value, got "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"allowed"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

var goldenCompare = []goldenCase{
	{"compare", []string{"compare", "looker-premier", "standard"}, exitOK},
	{"compare-enhanced", []string{"compare", "looker-premier", "advanced"}, exitOK},
	{"compare-json", []string{"compare", "--output", "json", "looker-premier", "standard"}, exitOK},
	{"compare-flags-after", []string{"compare", "silver", "gold", "--catalog", "testdata/tiers.yaml"}, exitOK},
	{"compare-unknown-tier", []string{"compare", "looker-premier", "gold"}, exitUsage},
	{"compare-one-arg", []string{"compare", "looker-premier"}, exitUsage},
	{"compare-help", []string{"compare", "-h"}, exitOK},
}

func TestCompareGolden(t *testing.T) { runGolden(t, goldenCompare) }

// compareRows returns the CHANGE column of compare's table by priority.
func compareRows(t *testing.T, stdout string) map[string][]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.NotEmpty(t, lines)
	require.Equal(t, []string{"PRIORITY", "FROM", "TO", "CHANGE"}, strings.Fields(lines[0]))
	rows := map[string][]string{}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		rows[f[0]] = f[1:]
	}
	return rows
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want map[string][]string // per priority: from, to and change, split on spaces
	}{
		{"degraded", []string{"looker-premier", "standard"}, map[string][]string{
			"P1": {"1h", "looker-24x5", "4h", "business", "degraded"},
			"P2": {"4h", "looker-24x5", "4h", "business", "unchanged"},
			"P3": {"8h", "looker-24x5", "8h", "business", "unchanged"},
			"P4": {"8h", "looker-24x5", "8h", "business", "unchanged"},
		}},
		{"the other way improves", []string{"standard", "looker-premier"}, map[string][]string{
			"P1": {"4h", "business", "1h", "looker-24x5", "improved"},
			"P2": {"4h", "business", "4h", "looker-24x5", "unchanged"},
			"P3": {"8h", "business", "8h", "looker-24x5", "unchanged"},
			"P4": {"8h", "business", "8h", "looker-24x5", "unchanged"},
		}},
		{"an alias, and a priority one tier lacks", []string{"--catalog", "testdata/tiers.yaml", "silver", "au"}, map[string][]string{
			"P1": {"4h", "office", "1h", "24x7", "improved"},
			"P2": {"8h", "office", "4h", "office", "improved"},
			"P3": {"-", "8h", "office", "added"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"compare"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.want, compareRows(t, stdout))
		})
	}
}

func TestCompareJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "compare", "--output", "json", "looker-premier", "standard")
	require.Equal(t, exitOK, code, stderr)
	var got struct {
		From    string       `json:"from"`
		To      string       `json:"to"`
		Changes []changeJSON `json:"changes"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.Equal(t, "looker-premier", got.From)
	assert.Equal(t, "standard", got.To)
	require.Len(t, got.Changes, 4)
	assert.Equal(t, changeJSON{Priority: "P1", From: "1h looker-24x5", To: "4h business", Change: "degraded", CalendarChanged: true}, got.Changes[0])
}

func TestCompareErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no tier", nil, exitUsage, "want two tiers, FROM and TO; got 0 arguments"},
		{"one tier", []string{"standard"}, exitUsage, "got 1 argument\n"},
		{"three tiers", []string{"a", "b", "c"}, exitUsage, "got 3 arguments"},
		{"unknown tier", []string{"standard", "gold"}, exitUsage, `tiercel compare: unknown tier "gold"`},
		{"bad catalog", []string{"--catalog", "testdata/bad.yaml", "silver", "gold"}, exitInput, "testdata/bad.yaml:4:11: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"compare"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

func TestTargetOrNone(t *testing.T) {
	assert.Equal(t, "-", targetOrNone(slo.Target{}))
	assert.Equal(t, "1h 24x7", targetOrNone(slo.Target{Within: time.Hour, Calendar: "24x7"}))
	assert.Equal(t, "30m", targetOrNone(slo.Target{Within: 30 * time.Minute}))
}

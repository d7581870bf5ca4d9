package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
)

var goldenCoverage = []goldenCase{
	{"test-coverage", []string{"test", "--coverage", "testdata/pass_test.yaml"}, exitOK},
	{"test-coverage-two-suites", []string{"test", "--coverage", "testdata/pass_test.yaml", "testdata/covered_test.yaml"}, exitOK},
	{"test-coverage-below-threshold", []string{"test", "--threshold", "58.34", "testdata/pass_test.yaml", "testdata/covered_test.yaml"}, exitFail},
	{"test-coverage-at-threshold", []string{"test", "--threshold", "58.33", "testdata/pass_test.yaml", "testdata/covered_test.yaml"}, exitOK},
	{"test-coverage-bad-threshold", []string{"test", "--threshold", "9.999", "testdata/pass_test.yaml"}, exitUsage},
	{"test-coverage-default", []string{"test", "--coverage", "../../rules/catalog/default_test.yaml"}, exitOK},
}

func TestCoverageGolden(t *testing.T) { runGolden(t, goldenCoverage) }

func TestCoverageOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "cov.json")
	stdout, stderr, code := runCmd(t, "test", "--coverage-out", out, "testdata/pass_test.yaml", "testdata/covered_test.yaml")
	require.Equal(t, exitOK, code, "%s%s", stdout, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	var cov answer.Coverage
	require.NoError(t, json.Unmarshal(b, &cov))
	// tiers.yaml: rows silver P1, P2 and gold P1-P3 (5), the rule
	// production-down matched and false (2), cases.create allowed and
	// denied (2), silver's price and its two bands (3). The suites decide
	// silver P1 (by its row and by the rule both ways) and gold P3, allow
	// cases.create once and quote silver at 3000 EUR (its second band).
	assert.Equal(t, 7, cov.Covered)
	assert.Equal(t, 12, cov.Total)
	require.Len(t, cov.Files, 1)
	assert.Equal(t, "testdata/tiers.yaml", cov.Files[0].File)
	hits := map[string]int64{}
	for _, it := range cov.Files[0].Items {
		hits[it.ID+" "+it.Outcome] = it.Hits
	}
	assert.Equal(t, map[string]int64{
		"tiers.silver.response.P1 decided": 1, "tiers.silver.response.P2 decided": 0,
		"tiers.gold.response.P1 decided": 0, "tiers.gold.response.P2 decided": 0, "tiers.gold.response.P3 decided": 1,
		"production-down matched": 1, "production-down false": 1,
		"permissions.cases.create allowed": 1, "permissions.cases.create denied": 0,
		"tiers.silver.price used": 1, "tiers.silver.price.bands[0] spend inside": 0, "tiers.silver.price.bands[1] spend inside": 1,
	}, hits)
}

func TestCoverageOutUnwritable(t *testing.T) {
	_, stderr, code := runCmd(t, "test", "--coverage-out", filepath.Join(t.TempDir(), "no", "cov.json"), "testdata/pass_test.yaml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--coverage-out: ")
}

func TestCoverageJSONOutput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		ok   bool
	}{
		{"coverage", []string{"--coverage"}, exitOK, true},
		{"below the threshold", []string{"--threshold", "16.67"}, exitFail, false},
		{"at the threshold", []string{"--threshold", "16.66"}, exitOK, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"test", "--output", "json"}, tt.args...), "testdata/pass_test.yaml")
			stdout, _, code := runCmd(t, args...)
			assert.Equal(t, tt.code, code)
			assert.NotContains(t, stdout, "coverage  ", "no text report")
			var got struct {
				OK       bool            `json:"ok"`
				Coverage answer.Coverage `json:"coverage"`
			}
			require.NoError(t, json.Unmarshal([]byte(stdout), &got))
			assert.Equal(t, tt.ok, got.OK)
			// pass_test.yaml covers 2 of tiers.yaml's 12 items: silver P1's
			// row and production-down evaluated false.
			assert.Equal(t, 2, got.Coverage.Covered)
			assert.Equal(t, 12, got.Coverage.Total)
			assert.Equal(t, answer.Percent{Hundredths: 1666, Text: "16.66%"}, got.Coverage.Percent)
		})
	}
}

func TestTestJSONWithoutCoverageHasNone(t *testing.T) {
	stdout, _, code := runCmd(t, "test", "--output", "json", "testdata/pass_test.yaml")
	assert.Equal(t, exitOK, code)
	assert.NotContains(t, stdout, `"coverage"`)
}

// TestCoverageNeverPrints100WithAnItemUncovered: OPA once printed 100%
// with uncovered lines; one item of 100000 uncovered reads 99.99%.
func TestCoverageNeverPrints100WithAnItemUncovered(t *testing.T) {
	items := make([]rules.CoverageItem, 100000)
	for i := range items {
		items[i] = rules.CoverageItem{Kind: rules.CoverRow, ID: "r", Outcome: "decided", File: "c.yaml", Line: i + 1, Column: 1, Hits: 1}
	}
	items[500].Hits = 0
	var out bytes.Buffer
	c := &cli{stdout: &out}
	c.writeCoverage(answer.NewCoverage(items))
	assert.Contains(t, out.String(), "coverage  total  99999 of 100000 items (99.99%)\n")
	assert.NotContains(t, out.String(), "100.00%")
	assert.Contains(t, out.String(), "  c.yaml:501:1: r never decided a deadline\n")
}

func TestCoverageOfNothingShowsNoPercent(t *testing.T) {
	stdout, _, code := runCmd(t, "test", "--coverage", "testdata/badsuite_test.yaml")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stdout, "coverage  total  0 items: no catalog was loaded\n")
	assert.NotContains(t, stdout, "100.00%")
}

func TestThresholdFlag(t *testing.T) {
	tests := []struct {
		in   string
		want int
		err  string
	}{
		{"90", 9000, ""},
		{"92.5", 9250, ""},
		{"99.99", 9999, ""},
		{"100", 10000, ""},
		{"0", 0, ""},
		{"80%", 8000, ""},
		{"9.999", 0, "more than two decimals"},
		{"100.01", 0, "over 100"},
		{"-1", 0, "not a percent"},
		{"1.-5", 0, "not a percent"},
		{"ninety", 0, "not a percent"},
		{"", 0, "not a percent"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var th threshold
			err := th.Set(tt.in)
			if tt.err != "" {
				require.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, th.hundredths)
		})
	}
}

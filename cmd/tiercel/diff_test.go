package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

const diffData = "testdata/diff/"

var goldenDiff = []goldenCase{
	{"diff-two-files", []string{"diff", diffData + "old.yaml", diffData + "new.yaml"}, exitFail},
	{"diff-json", []string{"diff", "--output", "json", diffData + "old.yaml", diffData + "new.yaml"}, exitFail},
	{"diff-json-effects", []string{"diff", "--output", "json", diffData + "old.yaml", diffData + "new.yaml", "--from", "2026-03-02", "--to", "2026-03-09"}, exitFail},
	{"diff-catalog", []string{"diff", "--catalog", diffData + "old.yaml", diffData + "new.yaml"}, exitFail},
	{"diff-versions", []string{"diff", diffData + "versions.yaml", diffData + "versions-new.yaml"}, exitFail},
	{"diff-builtin", []string{"diff", "--builtin", "default", diffData + "mine.yaml"}, exitFail},
	{"diff-effects", []string{"diff", "--builtin", "default", diffData + "mine.yaml", "--zone", "America/New_York", "--country", "us", "--from", "2026-01-01", "--to", "2027-01-01"}, exitFail},
	{"diff-effects-no-zone", []string{"diff", "--builtin", "default", diffData + "mine.yaml", "--from", "2026-01-01", "--to", "2026-02-01"}, exitFail},
	{"diff-no-change", []string{"diff", diffData + "old.yaml", diffData + "old.yaml"}, exitOK},
	{"diff-cosmetic", []string{"diff", diffData + "old.yaml", diffData + "old-restyled.yaml"}, exitOK},
	{"diff-one-file", []string{"diff", diffData + "old.yaml"}, exitUsage},
	{"diff-three-files", []string{"diff", diffData + "old.yaml", diffData + "new.yaml", diffData + "versions.yaml"}, exitUsage},
	{"diff-builtin-two-files", []string{"diff", "--builtin", "default", diffData + "old.yaml", diffData + "new.yaml"}, exitUsage},
	{"diff-bad-instant", []string{"diff", diffData + "old.yaml", diffData + "new.yaml", "--from", "soon", "--to", "2026-07-01"}, exitUsage},
	{"diff-empty-window", []string{"diff", diffData + "old.yaml", diffData + "new.yaml", "--from", "2026-07-01", "--to", "2026-07-01"}, exitUsage},
	{"diff-missing", []string{"diff", diffData + "old.yaml", diffData + "nope.yaml"}, exitInput},
	{"diff-bad-catalog", []string{"diff", diffData + "old.yaml", "testdata/bad.yaml"}, exitInput},
	{"diff-help", []string{"diff", "--help"}, exitOK},
}

func TestDiffGolden(t *testing.T) { runGolden(t, goldenDiff) }

// The JSON report is answer.Diff: each tier's status, and for the changed
// price the exact fee difference.
func TestDiffJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "diff", "--output", "json", diffData+"old.yaml", diffData+"new.yaml")
	require.Equal(t, exitFail, code, stderr)
	var out answer.Diff
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.True(t, out.Changed)
	status := map[string]string{}
	for _, d := range out.Tiers {
		status[d.Tier] = d.Status
	}
	assert.Equal(t, map[string]string{"plus": "changed", "legacy": "removed", "premium": "added"}, status)
	plus := out.Tiers[0]
	require.Equal(t, "plus", plus.Tier)
	require.Len(t, plus.Prices, 1)
	fees := plus.Prices[0].Fees
	require.NotNil(t, fees)
	// 1% less above 80,000 outweighs the 50 more of the minimum from 80,000 + 5,000 on.
	assert.Equal(t, "+50.00 USD", signedMoney(fees.Max))
	assert.Equal(t, "0.00 USD", fees.MaxSpend.String())
}

// An error never exits 1: 1 means "answers can change".
func TestDiffErrorsNeverExitOne(t *testing.T) {
	for _, tc := range goldenDiff {
		if tc.code == exitFail {
			continue
		}
		_, _, code := runCmd(t, tc.args...)
		assert.NotEqual(t, exitFail, code, "%v", tc.args)
	}
}

// A price whose fee overflows at large spends is diffed up to the largest
// spend it can quote: the limit is part of the answer, not an error.
func TestDiffHugePrice(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "huge.yaml")
	require.NoError(t, os.WriteFile(huge, []byte("tiers:\n  basic:\n    name: Basic\n    response: {P1: 8h 24x7, P2: 24h 24x7}\n"+
		"    price: {currency: USD, bands: [{upTo: \"1\", flat: \"90000000000000000\", rate: 1%}, {flat: \"90000000000000000\", rate: 100%}]}\n"), 0o600))
	stdout, stderr, code := runCmd(t, "diff", "--output", "json", diffData+"old.yaml", huge)
	require.Equal(t, exitFail, code, stderr)
	var out answer.Diff
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	fees := out.Tiers[0].Prices[0].Fees
	require.NotNil(t, fees)
	assert.Less(t, fees.Limit.Minor(), int64(math.MaxInt64), "spends past the limit overflow")
	assert.Positive(t, fees.Limit.Minor())
}

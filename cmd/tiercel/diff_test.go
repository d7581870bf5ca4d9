package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

const diffData = "testdata/diff/"

var goldenDiff = []goldenCase{
	{"diff-two-files", []string{"diff", diffData + "old.yaml", diffData + "new.yaml"}, exitFail},
	{"diff-json", []string{"diff", "--output", "json", diffData + "old.yaml", diffData + "new.yaml"}, exitFail},
	{"diff-versions", []string{"diff", diffData + "versions.yaml", "--from", "2026-01-01", "--to", "2026-07-01"}, exitFail},
	{"diff-same-version", []string{"diff", diffData + "versions.yaml", "--from", "2026-01-01", "--to", "2026-06-30T23:59:59Z"}, exitOK},
	{"diff-no-change", []string{"diff", diffData + "old.yaml", diffData + "old.yaml"}, exitOK},
	{"diff-one-file", []string{"diff", diffData + "old.yaml"}, exitUsage},
	{"diff-three-files", []string{"diff", diffData + "old.yaml", diffData + "new.yaml", diffData + "versions.yaml"}, exitUsage},
	{"diff-bad-instant", []string{"diff", diffData + "versions.yaml", "--from", "soon", "--to", "2026-07-01"}, exitUsage},
	{"diff-missing", []string{"diff", diffData + "old.yaml", diffData + "nope.yaml"}, exitInput},
	{"diff-help", []string{"diff", "--help"}, exitOK},
}

func TestDiffGolden(t *testing.T) { runGolden(t, goldenDiff) }

// The JSON report names each tier's status, and the fees of the changed
// price at the reference spends where they differ.
func TestDiffJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "diff", "--output", "json", diffData+"old.yaml", diffData+"new.yaml")
	require.Equal(t, exitFail, code, stderr)
	var out diffJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.True(t, out.Changed)
	status := map[string]string{}
	for _, d := range out.Tiers {
		status[d.Tier] = d.Status
	}
	assert.Equal(t, map[string]string{"basic": "unchanged", "plus": "changed", "legacy": "removed", "premium": "added"}, status)
	plus := out.Tiers[1]
	require.Equal(t, "plus", plus.Tier)
	assert.Equal(t, feeDiffJSON{Spend: usd("85000"), Old: ptr(usd("6150")), New: ptr(usd("6100")), Difference: ptr(usd("-50"))}, plus.Fees[1])
}

func TestDiffFees(t *testing.T) {
	usdPrice := billing.Price{Currency: "USD", Minimum: usd("100")}
	eurPrice := billing.Price{Currency: "EUR", Minimum: money.MustParseMoney("100 EUR")}
	tests := []struct {
		name string
		a, b *billing.Price
		want feeDiffJSON // the first row
		rows int
	}{
		{"price added", nil, &usdPrice, feeDiffJSON{Spend: usd("0"), New: ptr(usd("100"))}, 5},
		{"price removed", &usdPrice, nil, feeDiffJSON{Spend: usd("0"), Old: ptr(usd("100"))}, 5},
		{"currency changed", &usdPrice, &eurPrice, feeDiffJSON{Spend: usd("0"), NewSpend: ptr(money.MustParseMoney("0 EUR")),
			Old: ptr(usd("100")), New: ptr(money.MustParseMoney("100 EUR"))}, 5},
		{"same price", &usdPrice, &usdPrice, feeDiffJSON{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := diffFees(tc.a, tc.b)
			require.NoError(t, err)
			require.Len(t, got, tc.rows)
			if tc.rows > 0 {
				assert.Equal(t, tc.want, got[0])
			}
		})
	}
	none, err := diffFees(nil, nil)
	require.NoError(t, err)
	assert.Empty(t, none)
}

// usd returns amount US dollars.
func usd(amount string) money.Money { return money.MustParseMoney(amount + " USD") }

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/rules"
)

// TestOutput prices the bundled accounts.csv as `go run ./examples/billing`
// does and checks the result.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, rules.Default(), "accounts.csv", bytes.NewReader(bundled)))
	golden.Check(t, "testdata/output.golden", out.String())
	// The worked examples of the graduated bands (aws.amazon.com/premiumsupport/pricing).
	assert.Regexp(t, `acme-analytics +85000.00 USD +2550.00 USD +6150.00 USD +15000.00 USD \(min\)`, out.String())
	assert.Regexp(t, `globex +1200000.00 USD +36000.00 USD +42900.00 USD +70500.00 USD`, out.String())
}

// TestYear invoices the year of the Looker contract and checks the
// invoice: July bills both tiers, and the commitment tops the year up to
// 60,000 USD.
func TestYear(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, year(&out, rules.Default()))
	golden.Check(t, "testdata/year.golden", out.String())
	assert.Regexp(t, `2026-07-01/2026-07-14 +looker-premier +prorated-fee +52000.00 USD +2258.06 USD`, out.String())
	assert.Regexp(t, `2026-07-15/2026-07-31 +enhanced +prorated-fee +52000.00 USD +2160.65 USD`, out.String())
	assert.Regexp(t, `2026-12 +enhanced +true-up +4039.29 USD`, out.String())
	assert.Regexp(t, `TOTAL +60000.00 USD`, out.String())
}

func TestMainErr(t *testing.T) {
	require.NoError(t, mainErr("accounts.csv", ""))
	assert.ErrorContains(t, mainErr("nope.csv", ""), "nope.csv")
	assert.ErrorContains(t, mainErr("", "nope.yaml"), "nope.yaml")
}

// Both layouts read the same accounts.
func TestCSVLayouts(t *testing.T) {
	tests := []struct{ name, csv string }{
		{"three columns", "account,monthly_spend,currency\nacme,85000,USD\nglobex,\"1,200,000\",USD\n"},
		{"amount and currency in one column", "account,monthly_spend\nacme,85000 USD\nglobex,\"1,200,000 USD\"\n"},
		{"header in capitals, spaces after commas", "Account, Monthly_Spend\nacme, 85000 USD\nglobex, 1200000 USD\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAccounts("a.csv", strings.NewReader(tt.csv))
			require.NoError(t, err)
			require.Len(t, got, 2)
			assert.Equal(t, "acme", got[0].name)
			assert.Equal(t, "85000.00 USD", got[0].spend.String())
			assert.Equal(t, "1200000.00 USD", got[1].spend.String())
		})
	}
}

func TestBadCSV(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"empty file", "", "a.csv: empty file: want a header, account,monthly_spend or account,monthly_spend,currency, then one row per account"},
		{"header only", "account,monthly_spend,currency\n", "a.csv: no accounts after the header"},
		{"header", "name,spend,cur\n", `a.csv:1: header is "name,spend,cur": want account,monthly_spend ("85000 USD" in one column) or account,monthly_spend,currency`},
		{"amount", "account,monthly_spend,currency\nx,12.345,USD\n", `a.csv:2: account "x": malformed money "12.345 USD": USD has at most 2 decimal places`},
		{"currency", "account,monthly_spend,currency\nx,12,dollars\n", `a.csv:2: account "x": unknown currency "dollars"`},
		{"no currency in one column", "account,monthly_spend\nx,12\ny,13\n", `a.csv:2: account "x": malformed money "12": no currency`},
		{"too few fields", "account,monthly_spend,currency\nx,12,USD\ny,12\n", "a.csv:3: 2 fields, want 3 (account,monthly_spend,currency)"},
		{"too many fields", "account,monthly_spend\nx,12 USD,USD\n", "a.csv:2: 3 fields, want 2 (account,monthly_spend)"},
		{"a stray quote", "account,monthly_spend\nx,\"12 USD\n", `a.csv:2:11: extraneous or missing " in quoted-field`},
		{"mixed currencies", "account,monthly_spend,currency\nx,12,USD\ny,12,EUR\n", `a.csv:3: account "y": currency mismatch`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(&out, rules.Default(), "a.csv", strings.NewReader(tt.csv))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "a.csv"), "the error names the file: %v", err)
		})
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/money"
)

var goldenQuote = []goldenCase{
	{"quote-enhanced", []string{"quote", "enhanced", "85000 USD"}, exitOK},
	{"quote-premium", []string{"quote", "premium", "1200000", "USD"}, exitOK},
	{"quote-minimum", []string{"quote", "standard", "500 USD"}, exitOK},
	{"quote-period", []string{"quote", "standard", "85000 USD", "--period", "2026-02-15/2026-02-28"}, exitOK},
	{"quote-json", []string{"quote", "--output", "json", "enhanced", "85000 USD"}, exitOK},
	{"quote-no-price", []string{"quote", "looker-premier", "85000 USD"}, exitUndecidable},
	{"quote-bad-money", []string{"quote", "enhanced", "85,00 USD"}, exitUsage},
	{"quote-currency", []string{"quote", "enhanced", "85000 EUR"}, exitUsage},
	{"quote-negative", []string{"quote", "enhanced", "-1 USD"}, exitUsage},
	{"quote-negative-two-args", []string{"quote", "enhanced", "-1", "USD", "--output", "json"}, exitUsage},
	{"quote-currency-first", []string{"quote", "enhanced", "USD 100"}, exitUsage},
	{"quote-extra-word", []string{"quote", "enhanced", "100 USD extra"}, exitUsage},
	{"quote-no-currency", []string{"quote", "enhanced", "100"}, exitUsage},
	{"quote-bad-period", []string{"quote", "enhanced", "85000 USD", "--period", "February"}, exitUsage},
	{"quote-help", []string{"quote", "--help"}, exitOK},
}

func TestQuoteGolden(t *testing.T) { runGolden(t, goldenQuote) }

func TestQuote(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		total  string
		period string   // the period row; "" when there is none
		bands  []string // the first column of the band table
	}{
		{"graduated bands", []string{"enhanced", "85000 USD"}, "6150.00 USD",
			"", []string{"up to 10000.00", "10000.00 - 80000.00", "80000.00 - 250000.00", "above 250000.00"}},
		{"the spend in two arguments", []string{"premium", "1200000", "USD"}, "70500.00 USD",
			"", []string{"up to 150000.00", "150000.00 - 500000.00", "500000.00 - 1000000.00", "above 1000000.00"}},
		{"the minimum applies", []string{"standard", "500 USD"}, "29.00 USD (the minimum)", "", []string{"all"}},
		{"no spend at all", []string{"standard", "0 USD"}, "29.00 USD (the minimum)", "", []string{"all"}},
		{"days of a month", []string{"standard", "85000 USD", "--period", "2026-02-15/2026-02-28"}, "1275.00 USD",
			"2026-02-15/2026-02-28: 14 of 28 days billed (month-end)", []string{"all"}},
		{"a whole month", []string{"standard", "85000 USD", "--period", "2026-02"}, "2550.00 USD",
			"2026-02: 28 of 28 days billed (month-end)", []string{"all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"quote"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.total, rowValue(t, stdout, "total"))
			if tt.period == "" {
				assert.NotContains(t, stdout, "\nperiod ")
				assert.NotContains(t, stdout, "\nmonthly ")
			} else {
				assert.Equal(t, tt.period, rowValue(t, stdout, "period"))
			}
			_, table, found := strings.Cut(stdout, "\nBAND (USD)")
			require.True(t, found, stdout)
			var bands []string
			for _, l := range strings.Split(strings.TrimSpace(table), "\n")[1:] {
				band, _, _ := strings.Cut(l, "  ")
				bands = append(bands, band)
			}
			assert.Equal(t, tt.bands, bands)
		})
	}
}

func TestQuoteJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "quote", "--output", "json", "standard", "500 USD", "--period", "2026-02-15/2026-02-28")
	require.Equal(t, exitOK, code, stderr)
	var got answer.Quote
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.True(t, got.MinimumApplied)
	assert.Equal(t, money.MustParseMoney("29.00 USD"), got.Monthly)
	assert.Equal(t, "2026-02-15/2026-02-28", got.Period)
	assert.Equal(t, 14, got.BilledDays)
	assert.Equal(t, 28, got.MonthDays)
	require.Len(t, got.Lines, 1)
	assert.Nil(t, got.Lines[0].UpTo, "an unbounded band has no upper bound")
}

func TestQuoteErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no spend", []string{"enhanced"}, exitUsage, `want a tier and a spend, e.g. enhanced "85000 USD"; got 1 argument`},
		{"too many arguments", []string{"enhanced", "1", "2", "3"}, exitUsage, "got 4 arguments"},
		{"malformed money", []string{"enhanced", "85,00 USD"}, exitUsage, `spend: malformed money "85,00 USD"`},
		{"another currency", []string{"enhanced", "85000 EUR"}, exitUsage, "currency mismatch"},
		{"unknown tier", []string{"nope", "1 USD"}, exitUndecidable, `unknown tier "nope"`},
		{"a period across months", []string{"standard", "85000 USD", "--period", "2026-02-10/2026-03-01"}, exitUsage, `--period: invalid period "2026-02-10/2026-03-01"`},
		{"no price in the catalog", []string{"looker-premier", "85000 USD"}, exitUndecidable, `no price: tier "looker-premier"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"quote"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-02", "2026-02"},
		{"2026-02-15/2026-02-28", "2026-02-15/2026-02-28"},
		{"2026-02-01/2026-02-28", "2026-02"},
		{"2026-03-05/2026-03-05", "2026-03-05/2026-03-05"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := parsePeriod(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.String())
		})
	}
	for _, bad := range []string{"", "February", "2026", "2026-13", "2026-02-10/2026-03-01", "2026-02-20/2026-02-10", "2026-02-30/2026-02-31", "2026-02-10/"} {
		t.Run("bad "+bad, func(t *testing.T) {
			_, err := parsePeriod(bad)
			var ue *usageError
			require.ErrorAs(t, err, &ue)
			assert.Contains(t, err.Error(), "--period: invalid period")
		})
	}
}

func TestAmount(t *testing.T) {
	assert.Equal(t, "10000.00", amount(money.MustParseMoney("10000 USD")))
	assert.Equal(t, "0.00", amount(money.MustParseMoney("0 EUR")))
}

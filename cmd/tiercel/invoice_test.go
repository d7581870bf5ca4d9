package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

const (
	lookerContractFile = "../../examples/billing/looker-contract.yaml"
	lookerYearFile     = "../../examples/billing/year.csv"
	invoiceData        = "testdata/invoice/"
)

var goldenInvoice = []goldenCase{
	{"invoice-looker-year", []string{"invoice", lookerContractFile, lookerYearFile}, exitOK},
	{"invoice-looker-json", []string{"invoice", "--output", "json", lookerContractFile, lookerYearFile}, exitOK},
	{"invoice-months", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "two-months.csv", "--months", "2026-01..2026-03"}, exitOK},
	{"invoice-part-of-file", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "two-months.csv", "--months", "2026-02"}, exitOK},
	{"invoice-before-start", []string{"invoice", invoiceData + "late-start-contract.yaml", invoiceData + "two-months.csv", "--months", "2025-12..2026-02"}, exitOK},
	{"invoice-last-months", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "last-months.csv"}, exitOK},
	{"invoice-renewal-before-start", []string{"invoice", invoiceData + "renewal-before-start-contract.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-bad-contract", []string{"invoice", invoiceData + "bad-contract.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-bad-month", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "bad-month.csv"}, exitInput},
	{"invoice-bad-amount", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "bad-amount.csv"}, exitInput},
	{"invoice-short-row", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "short-row.csv"}, exitInput},
	{"invoice-negative", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "negative.csv"}, exitInput},
	{"invoice-euros", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "euros.csv"}, exitInput},
	{"invoice-mid-month-discount", []string{"invoice", invoiceData + "mid-month-contract.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-no-fee", []string{"invoice", invoiceData + "no-fee-contract.yaml", invoiceData + "two-months.csv"}, exitUndecidable},
	{"invoice-missing-file", []string{"invoice", invoiceData + "nope-contract.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-one-argument", []string{"invoice", invoiceData + "enhanced-contract.yaml"}, exitUsage},
	{"invoice-bad-months", []string{"invoice", invoiceData + "enhanced-contract.yaml", invoiceData + "two-months.csv", "--months", "2026"}, exitUsage},
	{"invoice-help", []string{"invoice", "--help"}, exitOK},
}

func TestInvoiceGolden(t *testing.T) { runGolden(t, goldenInvoice) }

// The JSON invoice of the example year adds up: its total is the sum of
// its lines, and the renewal month bills both tiers.
func TestInvoiceJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "invoice", "--output", "json", lookerContractFile, lookerYearFile)
	require.Equal(t, exitOK, code, stderr)
	var inv answer.Invoice
	require.NoError(t, json.Unmarshal([]byte(stdout), &inv))
	assert.Equal(t, "2026-01..2026-12", inv.Months)
	assert.Equal(t, money.MustParseMoney("60000.00 USD"), inv.Total)
	require.NotEmpty(t, inv.Lines)
	sum := money.MustParseMoney("0 USD")
	var july []string
	for _, l := range inv.Lines {
		var err error
		sum, err = sum.Add(l.Amount)
		require.NoError(t, err)
		if strings.HasPrefix(l.Period, "2026-07") {
			july = append(july, l.Tier+" "+l.Kind)
		}
	}
	assert.Equal(t, []string{"looker-premier prorated-fee", "enhanced prorated-fee"}, july)
	assert.Equal(t, inv.Total, sum, "the total is the sum of the lines")
}

// Without --months, the invoice spans the first to the last month of the
// spends, in whatever order the rows come.
func TestInvoiceMonths(t *testing.T) {
	spend := func(year int, month time.Month) billing.Spend {
		return billing.Spend{Year: year, Month: month, Account: "a", Amount: money.MustParseMoney("1 USD")}
	}
	for _, tc := range []struct {
		name   string
		spends []billing.Spend
		want   string // the months, or the error
	}{
		{"one month", []billing.Spend{spend(2026, time.March)}, "2026-03"},
		{"a year in order", []billing.Spend{spend(2026, time.January), spend(2026, time.December)}, "2026-01..2026-12"},
		{"across new year, out of order", []billing.Spend{spend(2026, time.February), spend(2025, time.November), spend(2026, time.January)}, "2025-11..2026-02"},
		{"no rows", nil, "the spends file has no rows: give --months"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := invoiceMonths(tc.spends)
			if err != nil {
				assert.EqualError(t, err, tc.want)
				return
			}
			assert.Equal(t, tc.want, m.String())
		})
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	lookerContractFile = "../../examples/billing/looker-contract.yaml"
	lookerYearFile     = "../../examples/billing/year.csv"
	invoiceData        = "testdata/invoice/"
)

var goldenInvoice = []goldenCase{
	{"invoice-looker-year", []string{"invoice", lookerContractFile, lookerYearFile}, exitOK},
	{"invoice-looker-json", []string{"invoice", "--output", "json", lookerContractFile, lookerYearFile}, exitOK},
	{"invoice-months", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "two-months.csv", "--months", "2026-01..2026-03"}, exitOK},
	{"invoice-bad-contract", []string{"invoice", invoiceData + "bad-contract.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-bad-month", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "bad-month.csv"}, exitInput},
	{"invoice-bad-amount", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "bad-amount.csv"}, exitInput},
	{"invoice-short-row", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "short-row.csv"}, exitInput},
	{"invoice-negative", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "negative.csv"}, exitInput},
	{"invoice-euros", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "euros.csv"}, exitInput},
	{"invoice-mid-month-discount", []string{"invoice", invoiceData + "mid-month.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-no-fee", []string{"invoice", invoiceData + "no-fee.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-missing-file", []string{"invoice", invoiceData + "nope.yaml", invoiceData + "two-months.csv"}, exitInput},
	{"invoice-one-argument", []string{"invoice", invoiceData + "enhanced.yaml"}, exitUsage},
	{"invoice-bad-months", []string{"invoice", invoiceData + "enhanced.yaml", invoiceData + "two-months.csv", "--months", "2026"}, exitUsage},
	{"invoice-help", []string{"invoice", "--help"}, exitOK},
}

func TestInvoiceGolden(t *testing.T) { runGolden(t, goldenInvoice) }

// The JSON invoice of the example year adds up: its total is the sum of
// its lines, and the renewal month bills both tiers.
func TestInvoiceJSON(t *testing.T) {
	stdout, stderr, code := runCmd(t, "invoice", "--output", "json", lookerContractFile, lookerYearFile)
	require.Equal(t, exitOK, code, stderr)
	var inv invoiceJSON
	require.NoError(t, json.Unmarshal([]byte(stdout), &inv))
	assert.Equal(t, "2026-01..2026-12", inv.Months)
	assert.Equal(t, "60000.00 USD", inv.Total)
	var july []string
	for _, l := range inv.Lines {
		if strings.HasPrefix(l.Period, "2026-07") {
			july = append(july, l.Tier+" "+l.Kind)
		}
	}
	assert.Equal(t, []string{"looker-premier prorated-fee", "enhanced prorated-fee"}, july)
}

func TestReadSpends(t *testing.T) {
	tests := []struct {
		name, csv, err string
		total          int // rows read
	}{
		{"one column", "month,account,spend\n2026-01,a,1 USD\n2026-02,b,\"1,000 USD\"\n", "", 2},
		{"two columns", "Month, Account, Spend, Currency\n2026-01, a, 1, USD\n", "", 1},
		{"empty", "", "s.csv: empty file: want a header, month,account,spend or month,account,spend,currency, then one row per month and account", 0},
		{"header", "when,who,what\n", `s.csv:1: header is "when,who,what": want month,account,spend ("85000 USD" in one column) or month,account,spend,currency`, 0},
		{"bad quote", "month,account,spend\n2026-01,\"a,1 USD\n", `s.csv:2: extraneous or missing " in quoted-field`, 0},
		{"bad currency", "month,account,spend,currency\n2026-01,a,1,dollars\n", `s.csv:2: spend: unknown currency "dollars" (want an ISO 4217 code such as USD, EUR or JPY)`, 0},
		{"day instead of month", "month,account,spend\n2026-01-05,a,1 USD\n", `s.csv:2: month "2026-01-05": want a month such as 2026-01`, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readSpends("s.csv", []byte(tc.csv))
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Len(t, got, tc.total)
		})
	}
}

// A spends file of many rows is read in one pass; a row far down still
// names its line.
func TestReadSpendsLong(t *testing.T) {
	var b strings.Builder
	b.WriteString("month,account,spend\n")
	for range 20_000 {
		b.WriteString("2026-01,a,1 USD\n")
	}
	b.WriteString("2026-01,a,1 XXX\n")
	_, err := readSpends("s.csv", []byte(b.String()))
	require.EqualError(t, err, `s.csv:20002: spend: unknown currency "XXX" (want an ISO 4217 code such as USD, EUR or JPY)`)
}

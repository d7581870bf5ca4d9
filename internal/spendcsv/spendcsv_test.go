package spendcsv

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
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
			got, err := Read("s.csv", []byte(tc.csv))
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
func TestReadLong(t *testing.T) {
	var b strings.Builder
	b.WriteString("month,account,spend\n")
	for range 20_000 {
		b.WriteString("2026-01,a,1 USD\n")
	}
	b.WriteString("2026-01,a,1 XXX\n")
	_, err := Read("s.csv", []byte(b.String()))
	require.EqualError(t, err, `s.csv:20002: spend: unknown currency "XXX" (want an ISO 4217 code such as USD, EUR or JPY)`)
}

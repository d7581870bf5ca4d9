package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/money"
)

func TestParseSpends(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"amount and currency in one column", "month,account,spend\n2026-01,prod,85000 USD\n2026-02, prod ,90000.50 USD\n"},
		{"a currency column", "month,account,spend,currency\n2026-01,prod,85000,USD\n2026-02,prod,90000.50,USD\n"},
		{"a byte-order mark, as spreadsheets write", "\ufeffmonth,account,spend\n2026-01,prod,85000 USD\n2026-02,prod,90000.50 USD\n"},
		{"a header in capitals, CRLF", "Month,Account,Spend\r\n2026-01,prod,85000 USD\r\n2026-02,prod,90000.50 USD\r\n"},
	}
	want := []billing.Spend{
		{Year: 2026, Month: time.January, Account: "prod", Amount: money.MustParseMoney("85000 USD")},
		{Year: 2026, Month: time.February, Account: "prod", Amount: money.MustParseMoney("90000.50 USD")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSpends("s.csv", []byte(tc.src))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// Every error of a spends file is listed at once, positioned.
func TestParseSpendsErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{"s.csv:1:1: empty file: want a header, month,account,spend or month,account,spend,currency, then one row per month and account"}},
		{"another header", "month,spend\n", []string{`s.csv:1:1: header is "month,spend": want month,account,spend ("85000 USD" in one column) or month,account,spend,currency`}},
		{"three bad rows", "month,account,spend\nJanuary,prod,1 USD\n2026-02,prod\n2026-03,prod,-5 USD\n2026-04,prod,12.345 USD\n", []string{
			`s.csv:2:1: month: "January": want a month such as 2026-01`,
			"s.csv:3:1: 2 fields, want 3 (month,account,spend)",
			"s.csv:4:14: spend: -5.00 USD is negative",
			`s.csv:5:14: spend: malformed money "12.345 USD": USD has at most 2 decimal places`,
		}},
		{"a bare quote", "month,account,spend\n2026-01,pr\"od,1 USD\n", []string{`s.csv:2:11: bare " in non-quoted-field`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSpends("s.csv", []byte(tc.src))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidSpends)
			assert.ErrorIs(t, err, ErrInvalidFile)
			assert.Equal(t, strings.Join(tc.want, "\n"), err.Error())
		})
	}
}

func TestLoadSpends(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.csv")
	require.NoError(t, os.WriteFile(path, []byte("\ufeffmonth,account,spend\n2026-01,prod,1 USD\n"), 0o600))
	got, err := LoadSpends(path)
	require.NoError(t, err)
	assert.Len(t, got, 1)
	_, err = LoadSpends(dir)
	assert.ErrorIs(t, err, ErrInvalidSpends)
	assert.ErrorIs(t, err, readfile.ErrNotRegular)
}

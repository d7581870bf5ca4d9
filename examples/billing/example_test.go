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
	require.NoError(t, run(&out, rules.Default(), bytes.NewReader(bundled)))
	golden.Check(t, "testdata/output.golden", out.String())
	// The worked examples of FACTS.md.
	assert.Regexp(t, `acme-analytics +85000.00 USD +2550.00 USD +6150.00 USD +15000.00 USD \(min\)`, out.String())
	assert.Regexp(t, `globex +1200000.00 USD +36000.00 USD +42900.00 USD +70500.00 USD`, out.String())
}

func TestMainErr(t *testing.T) {
	require.NoError(t, mainErr("accounts.csv", ""))
	assert.ErrorContains(t, mainErr("nope.csv", ""), "nope.csv")
	assert.ErrorContains(t, mainErr("", "nope.yaml"), "nope.yaml")
}

func TestBadCSV(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"header", "name,spend,cur\n", "header"},
		{"amount", "account,monthly_spend,currency\nx,12.345,USD\n", "line 2"},
		{"currency", "account,monthly_spend,currency\nx,12,dollars\n", "line 2"},
		{"fields", "account,monthly_spend,currency\nx,12\n", "wrong number of fields"},
		{"mixed currencies", "account,monthly_spend,currency\nx,12,USD\ny,12,EUR\n", "y: currency mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(&bytes.Buffer{}, rules.Default(), strings.NewReader(tt.csv))
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

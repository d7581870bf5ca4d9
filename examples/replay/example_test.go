package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// TestOutput replays the history as `go run ./examples/replay` does.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, rules.Default()))
	golden.Check(t, "testdata/output.golden", out.String())
	// An account in New York sees a P3 response due later on Enhanced
	// (business hours instead of Looker's 24x5), at most 64h: a case opened
	// on a Friday morning. It is due earlier only when Looker's calendar
	// closes on a Japanese holiday that is a US working day (Children's Day
	// 2025-05-05, Respect for the Aged Day 2025-09-15).
	assert.Regexp(t, `acme-analytics +P3 +72 +70 +2 +0 +64h +-19h4m `, out.String())
}

// cases.csv is the history the program generates, as tiercel replay reads it.
func TestCSVIsTheHistory(t *testing.T) {
	h, err := History()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, h))
	committed, err := os.ReadFile("cases.csv")
	require.NoError(t, err)
	assert.Equal(t, string(committed), buf.String(), "regenerate with go run ./examples/replay -csv examples/replay/cases.csv")
}

func TestHistory(t *testing.T) {
	h, err := History()
	require.NoError(t, err)
	require.Len(t, h, cases)
	perAccount := map[string]int{}
	perPriority := map[slo.Priority]int{}
	for i, c := range h {
		perAccount[c.Account]++
		perPriority[c.Priority]++
		require.True(t, c.Priority.Valid())
		if i > 0 {
			require.False(t, c.Opened.Before(h[i-1].Opened), "in the order they were opened")
		}
		assert.Equal(t, c.Zone, c.Opened.Location().String(), "opened in the account's zone")
	}
	assert.Len(t, perAccount, 2)
	assert.Len(t, perPriority, 4)
}

func TestWriteCSVFile(t *testing.T) {
	path := t.TempDir() + "/cases.csv"
	require.NoError(t, writeCSVFile(path))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	want, err := os.ReadFile("cases.csv")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Error(t, writeCSVFile(t.TempDir()+"/no/such/dir/cases.csv"))
}

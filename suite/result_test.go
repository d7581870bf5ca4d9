package suite

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResultsShowFailuresSideBySide(t *testing.T) {
	s, err := Load("testdata/failing.yaml")
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join("testdata", "tiers.yaml")}, s.Catalog)
	results := s.Run()
	var got []string
	for _, r := range results {
		got = append(got, r.String())
	}
	assert.Equal(t, []string{
		"FAIL testdata/failing.yaml:5:5: wrong due and rule (deadline)\n" +
			"    field   want                       got\n" +
			"    due     2026-03-02T12:00:00-05:00  2026-03-02T11:00:00-05:00\n" +
			"    target  1h office                  1h 24x7\n" +
			"    rule    tiers.gold.response.P2     tiers.gold.response.P1",
		"FAIL testdata/failing.yaml:8:5: wrong change (compare)\n" +
			"    field       want      got\n" +
			"    changes.P1  degraded  improved",
		"FAIL testdata/failing.yaml:11:5: an error where none is expected (deadline)\n" +
			"    field  want  got\n" +
			"    error  none  unknown tier \"platinum\" (known: silver, gold)",
		"FAIL testdata/failing.yaml:14:5: no error where one is expected (compare)\n" +
			"    field  want          got\n" +
			"    error  unknown tier  none",
		"ok   testdata/failing.yaml:17:5: passes (compare)",
	}, got)
	assert.Equal(t, []Mismatch{{Field: "changes.P1", Want: "degraded", Got: "improved"}}, results[1].Mismatches)
	assert.False(t, results[0].Passed)
	assert.True(t, results[4].Passed)
}

func TestResultString(t *testing.T) {
	test := &Test{Name: "n", Kind: "quote", File: "s.yaml", Line: 3, Column: 5}
	tests := []struct {
		name string
		r    Result
		want string
	}{
		{"pass", Result{Test: test, Passed: true}, "ok   s.yaml:3:5: n (quote)"},
		{"empty and multi-line values", Result{Test: test, Mismatches: []Mismatch{
			{Field: "tier", Want: "", Got: "a\nb"},
			{Field: "total", Want: "10.00 USD", Got: "9.00 USD"},
		}}, "FAIL s.yaml:3:5: n (quote)\n" +
			"    field  want       got\n" +
			"    tier   \"\"         a\\nb\n" +
			"    total  10.00 USD  9.00 USD"},
		{"error indented", Result{Test: test, Err: errors.New("line one\nline two")},
			"FAIL s.yaml:3:5: n (quote)\n    error: line one\n    line two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.r.String())
		})
	}
}

package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// The wording of a priority comes from the catalog: the shipped catalogs
// word each in their provider's terms, a catalog without a priorities
// section words none.
func TestPriorityMeaning(t *testing.T) {
	aws, err := Named("aws")
	require.NoError(t, err)
	custom, err := Compile("t.yaml", []byte(okTier+"priorities: {P2: \"  Sev 2: a team blocked  \"}\n"))
	require.NoError(t, err)
	bare, err := Compile("t.yaml", []byte(okTier))
	require.NoError(t, err)
	tests := []struct {
		name string
		e    *Engine
		p    slo.Priority
		want string
	}{
		{"default P1", Default(), slo.P1, "Critical impact: service unusable in production"},
		{"default P4", Default(), slo.P4, "Low impact: service fully usable; general questions"},
		{"aws P1", aws, slo.P1, "Production system down (business-critical system down on Enterprise)"},
		{"aws P2", aws, slo.P2, "Production system impaired"},
		{"aws P4", aws, slo.P4, "General guidance"},
		{"custom, trimmed", custom, slo.P2, "Sev 2: a team blocked"},
		{"custom, not worded", custom, slo.P1, ""},
		{"no section", bare, slo.P1, ""},
		{"invalid priority", Default(), 0, ""},
		{"past P4", Default(), 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.e.PriorityMeaning(tt.p))
		})
	}
}

func TestPrioritiesMalformed(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", okTier + "priorities: {P5: x}\n", `t.yaml:5:14: priorities.P5: unknown key "P5" (want one of P1, P2, P3, P4)`},
		{"empty", okTier + "priorities: {P1: \"\"}\n", `t.yaml:5:18: priorities.P1: want one line describing the priority's impact, e.g. "Critical impact: service unusable in production"`},
		{"two lines", okTier + "priorities:\n  P1: |\n    a\n    b\n", `t.yaml:6:7: priorities.P1: want one line describing the priority's impact, e.g. "Critical impact: service unusable in production"`},
		{"a list", okTier + "priorities: [a]\n", "t.yaml:5:13: priorities: must be a mapping, got a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(tt.src))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.EqualError(t, err, tt.want)
		})
	}
	t.Run("worded in two files", func(t *testing.T) {
		a, b, err := loadPair(t, okTier+"priorities: {P1: one}\n", "priorities: {P1: two}\n")
		require.ErrorIs(t, err, ErrInvalidCatalog)
		assert.EqualError(t, err, b+":1:14: priorities.P1: priorities.P1 is already set at "+a+":5:14")
	})
}

// loadPair writes two catalog files, a.yaml and b.yaml, and loads them
// together; it returns their paths and Load's error.
func loadPair(t *testing.T, srcA, srcB string) (a, b string, err error) {
	t.Helper()
	dir := t.TempDir()
	a, b = filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	require.NoError(t, os.WriteFile(a, []byte(srcA), 0o600))
	require.NoError(t, os.WriteFile(b, []byte(srcB), 0o600))
	_, err = Load(a, b)
	return a, b, err
}

package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// Tier ids and aliases share one namespace across files; a tier is found by
// either, and its CEL view names its id.
func TestCompileTiers(t *testing.T) {
	e, err := Compile("t.yaml", []byte("tiers:\n  x:\n    name: X\n    aliases: [ex, old-x]\n    response: {P1: 1h 24x7}\n  y:\n    name: Y\n    response: {P2: 2h 24x7}\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"x", "y"}, e.tierIDs)
	for _, name := range []string{"x", "ex", "old-x"} {
		assert.Same(t, e.tiers["x"], e.tiers[name], name)
	}
	assert.Equal(t, "x", e.tiers["ex"].cel.ID)
	assert.Equal(t, []string{"ex", "old-x"}, e.tiers["x"].cel.Aliases)
	assert.Equal(t, []string{}, e.tiers["y"].cel.Aliases, "CEL sees empty lists, not null")

	tr, err := e.Tier("old-x")
	require.NoError(t, err)
	assert.Equal(t, slo.Table{slo.P1: {Within: 3600e9, Calendar: "24x7"}}, tr.Targets["response"])
}

func TestCompileTierErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"invalid alias", "tiers:\n  x:\n    name: X\n    aliases: [Ex]\n    response: {P1: 1h 24x7}\n",
			`t.yaml:4:15: tiers.x.aliases[0]: invalid alias "Ex": use lowercase letters, digits, '-', '_' and '.'`},
		{"no targets", "tiers:\n  x:\n    name: X\n    response: {}\n", "t.yaml:4:15: tiers.x.response: no response targets"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

package answer

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

func TestNewPercentNeverRoundsUp(t *testing.T) {
	tests := []struct {
		name           string
		covered, total int
		want           string
	}{
		{"all", 3, 3, "100.00%"},
		{"99.999% is 99.99%", 99999, 100000, "99.99%"},
		{"two thirds", 2, 3, "66.66%"},
		{"none", 0, 5, "0.00%"},
		{"one of a thousand", 1, 1000, "0.10%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NewPercent(tt.covered, tt.total).Text)
		})
	}
}

func TestNewCoverage(t *testing.T) {
	items := []rules.CoverageItem{
		{Kind: rules.CoverRow, ID: "tiers.a.response.P1", Outcome: "decided", File: "a.yaml", Line: 3, Column: 5, Hits: 2},
		{Kind: rules.CoverRule, ID: "r", Outcome: "matched", File: "a.yaml", Line: 9, Column: 11},
		{Kind: rules.CoverRule, ID: "r", Outcome: "false", File: "a.yaml", Line: 9, Column: 11, Hits: 1},
		{Kind: rules.CoverPermission, ID: "permissions.x", Outcome: "allowed", File: "b.yaml", Line: 2, Column: 6},
	}
	c := NewCoverage(items)
	assert.Equal(t, 2, c.Covered)
	assert.Equal(t, 4, c.Total)
	assert.Equal(t, Percent{Hundredths: 5000, Text: "50.00%"}, c.Percent)
	require.Len(t, c.Files, 2)
	assert.Equal(t, "a.yaml", c.Files[0].File)
	assert.Equal(t, []CoverageKind{{"row", 1, 1}, {"rule", 1, 2}, {"migration", 0, 0}, {"permission", 0, 0}, {"condition", 0, 0}, {"price", 0, 0}, {"band", 0, 0}}, c.Files[0].Kinds)
	assert.Equal(t, 0, c.Files[1].Covered)
	b, err := json.Marshal(c.Files[1].Items[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"permission","id":"permissions.x","outcome":"allowed","line":2,"column":6,"hits":0}`, string(b))
}

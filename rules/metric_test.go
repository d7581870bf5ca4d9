package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestParseMetric(t *testing.T) {
	for m := range numMetrics {
		got, err := parseMetric(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err := parseMetric("Response")
	assert.EqualError(t, err, `unknown metric "Response" (known: response, nextReply, update, resolution)`)
}

// A rule that names the response metric decides as one that names none;
// rules are chained per metric.
func TestRuleMetric(t *testing.T) {
	const src = okTier + "rules:\n  - id: named\n    when: case.language == 'ja'\n    metric: response\n    within: 2h\n  - id: unnamed\n    when: case.language == 'fr'\n    within: 3h\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	for _, tc := range []struct{ lang, rule, due string }{
		{"ja", "named", "2026-03-02T11:00:00Z"},
		{"fr", "unnamed", "2026-03-02T12:00:00Z"},
		{"en", "tiers.x.response.P1", "2026-03-02T10:00:00Z"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			d, err := e.Deadline(Case{Tier: "x", Priority: slo.P1, Opened: at(t, "2026-03-02T09:00:00Z", "UTC"), Language: tc.lang})
			require.NoError(t, err)
			assert.Equal(t, tc.rule, d.Rule)
			assert.Equal(t, tc.due, d.Due.UTC().Format("2006-01-02T15:04:05Z"))
		})
	}
	chain := e.tiers["x"].objectives[response].decide[slo.P1]
	require.NotNil(t, chain)
	assert.Len(t, chain.rules, 2)
}

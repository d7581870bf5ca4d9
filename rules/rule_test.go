package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

func TestDeadlineRules(t *testing.T) {
	e, err := Compile("rules.yaml", []byte(rulesCatalog))
	require.NoError(t, err)
	assert.Equal(t, []string{"japanese-cases-on-tokyo-hours", "outage-is-urgent", "vip-p2", "never-first"}, e.Rules())
	// Monday 2026-11-30 08:00 UTC is 17:00 in Tokyo (closing) and 09:00 in Paris.
	opened := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		c      Case
		due    time.Time
		target string
		rule   string
	}{
		{"calendar override keeps the table's duration", Case{Tier: "enhanced", Priority: slo.P3, Opened: opened, Zone: "Europe/Paris", Language: "ja"},
			time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), "8h business-jp", "japanese-cases-on-tokyo-hours"},
		{"no rule matches: the table decides", Case{Tier: "enhanced", Priority: slo.P3, Opened: opened, Zone: "Europe/Paris", Language: "fr"},
			time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC), "8h business", "tiers.enhanced.response.P3"},
		{"priority filter skips the first rule", Case{Tier: "enhanced", Priority: slo.P1, Opened: opened, Language: "ja"},
			opened.Add(time.Minute), "1m 24x7", "never-first"},
		{"duration override keeps the table's calendar", Case{Tier: "enhanced", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"outage": true}},
			opened.Add(30 * time.Minute), "30m 24x7", "outage-is-urgent"},
		{"attribute false", Case{Tier: "enhanced", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"outage": false}},
			opened.Add(time.Hour), "1h 24x7", "tiers.enhanced.response.P1"},
		{"tier filter by alias excludes other tiers", Case{Tier: "basic", Priority: slo.P1, Opened: opened, Zone: "UTC", Attrs: map[string]any{"outage": true}},
			time.Date(2026, 11, 30, 13, 0, 0, 0, time.UTC), "4h business", "tiers.basic.response.P1"},
		{"a rule supplies a target the table lacks", Case{Tier: "basic", Priority: slo.P2, Opened: opened, Account: "acme"},
			opened.Add(2 * time.Hour), "2h 24x7", "vip-p2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Deadline(tc.c)
			require.NoError(t, err)
			assert.True(t, tc.due.Equal(d.Due), "due %v, want %v", d.Due, tc.due)
			assert.Equal(t, tc.target, d.Target.String())
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
	t.Run("a tier without the priority and no rule", func(t *testing.T) {
		_, err := e.Deadline(Case{Tier: "basic", Priority: slo.P2, Opened: opened, Account: "other"})
		assert.ErrorIs(t, err, ErrNoTarget)
	})
}

// A rule with within: none stops the chain with no target, even where the
// tier's table has one and a later rule would give one.
func TestRuleWithinNone(t *testing.T) {
	src := `tiers:
  t:
    name: T
    response: {P1: 1h 24x7, P2: 2h 24x7}
rules:
  - id: vip-none
    when: "'vip' in case.attrs"
    priorities: [P1]
    within: none
  - id: later
    when: "true"
    within: 30m
`
	e, err := Compile("none.yaml", []byte(src))
	require.NoError(t, err)
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	_, err = e.Deadline(Case{Tier: "t", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"vip": true}})
	require.ErrorIs(t, err, ErrNoTarget)
	assert.Contains(t, err.Error(), `rule "vip-none"`)
	d, err := e.Deadline(Case{Tier: "t", Priority: slo.P2, Opened: opened, Attrs: map[string]any{"vip": true}})
	require.NoError(t, err)
	assert.Equal(t, "later", d.Rule)
	tl, err := e.Timeline(Case{Tier: "t", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"vip": true}}, nil, opened.Add(time.Hour))
	require.NoError(t, err)
	require.NotEmpty(t, tl.Metrics)
	assert.True(t, tl.Metrics[0].Cycles[0].Due.IsZero(), "a cycle without a target has no due instant")

	_, err = Compile("bad.yaml", []byte(src+"    calendar: 24x7\n  - id: both\n    when: 'true'\n    within: none\n    calendar: 24x7\n"))
	require.ErrorContains(t, err, `rule "both" has within: none and a calendar`)
}

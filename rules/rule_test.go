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

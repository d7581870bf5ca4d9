package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

const explainCatalog = `version: 1
calendars:
  ny:
    zone: America/New_York
    hours:
      mon-fri: "09:00-17:00"
    holidays: [us]
tiers:
  silver:
    name: Silver
    response: {P1: 4h ny, P2: 8h ny, P3: 16h ny}
  gold:
    name: Gold
    response: {P1: 1h 24x7, P2: 4h ny}
rules:
  - id: gold-only
    when: "true"
    tiers: [gold]
    within: 30m
  - id: p1-only
    when: "true"
    priorities: [P1]
    within: 2h
  - id: vip
    when: "case.attrs.?vip.orValue(false) == true"
    within: 1h
  - id: everyone
    when: "true"
    within: 3h
`

func TestExplainRuleChain(t *testing.T) {
	e, err := Compile("explain.yaml", []byte(explainCatalog))
	require.NoError(t, err)
	opened := time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		attrs    map[string]any
		outcomes []RuleOutcome
		rule     string
		why      []string
	}{
		{"vip matches", map[string]any{"vip": true},
			[]RuleOutcome{RuleFiltered, RuleFiltered, RuleMatched, RuleNotReached}, "vip", []string{"tiers gold", "priorities P1", "", ""}},
		{"falls through to everyone", nil,
			[]RuleOutcome{RuleFiltered, RuleFiltered, RuleFalse, RuleMatched}, "everyone", []string{"tiers gold", "priorities P1", "", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Case{Tier: "silver", Priority: slo.P3, Opened: opened, Attrs: tc.attrs}
			x, err := e.Explain(c)
			require.NoError(t, err)
			d, err := e.Deadline(c)
			require.NoError(t, err)
			assert.Equal(t, d.Rule, x.Deadline.Rule)
			assert.True(t, d.Due.Equal(x.Deadline.Due))
			assert.Equal(t, tc.rule, x.Deadline.Rule)
			assert.Equal(t, "tiers.silver.response.P3", x.Row)
			require.Len(t, x.Rules, 4)
			for i, s := range x.Rules {
				assert.Equal(t, tc.outcomes[i], s.Outcome, s.ID)
				assert.Equal(t, tc.why[i], s.Why, s.ID)
			}
			assert.Equal(t, "explain.yaml:16", x.Rules[0].At)
			assert.Equal(t, "explain.yaml:24", x.Rules[2].At)
		})
	}
}

// TestExplainAgainstDeadline checks Explain against Deadline on random
// cases of the default catalog: the open steps add up to the target and
// the walk ends at the due instant.
func TestExplainAgainstDeadline(t *testing.T) {
	e := Default()
	r := rand.New(rand.NewPCG(20, 12))
	zones := []string{"America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney"}
	countries := []string{"", "us", "gb", "jp"}
	tiers := e.Tiers()
	for range 2000 {
		loc, err := time.LoadLocation(zones[r.IntN(len(zones))])
		require.NoError(t, err)
		opened := time.Unix(1767225600+r.Int64N(2*365*86400), 0).In(loc)
		c := Case{Tier: tiers[r.IntN(len(tiers))], Priority: slo.Priority(1 + r.IntN(4)), Opened: opened,
			Zone: loc.String(), Country: countries[r.IntN(len(countries))]}
		if r.IntN(3) == 0 {
			ps := opened.Add(time.Duration(r.IntN(48*60)) * time.Minute)
			c.Pauses = []slo.Interval{{Start: ps, End: ps.Add(time.Duration(r.IntN(72*60)) * time.Minute)}}
		}
		d, err := e.Deadline(c)
		require.NoError(t, err, "%+v", c)
		x, err := e.Explain(c)
		require.NoError(t, err, "%+v", c)
		require.True(t, d.Due.Equal(x.Walk.Due) && d.Due.Equal(x.Deadline.Due), "%+v: due %s, walk %s", c, d.Due, x.Walk.Due)
		var open time.Duration
		for _, s := range x.Walk.Steps {
			open += s.Open
		}
		require.Equal(t, d.Target.Within, open, "%+v", c)
		require.Equal(t, d.Location, x.Walk.Due.Location())
	}
}

func TestExplainStatus(t *testing.T) {
	e, err := Compile("explain.yaml", []byte(explainCatalog))
	require.NoError(t, err)
	opened := time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)
	c := Case{Tier: "gold", Priority: slo.P2, Opened: opened, Zone: "America/New_York"}
	x, err := e.ExplainStatus(c, opened.Add(time.Hour))
	require.NoError(t, err)
	require.NotNil(t, x.Status)
	assert.Equal(t, time.Hour, x.Status.Elapsed)
	assert.True(t, x.Status.Breached)
	assert.Equal(t, "gold-only", x.Deadline.Rule)
	_, err = e.ExplainStatus(Case{Tier: "nope", Priority: slo.P2, Opened: opened}, opened)
	require.ErrorIs(t, err, ErrUnknownTier)
	_, err = e.Explain(Case{Tier: "nope", Priority: slo.P2, Opened: opened})
	require.ErrorIs(t, err, ErrUnknownTier)
}

func TestRuleOutcomeString(t *testing.T) {
	assert.Equal(t, "not reached", RuleNotReached.String())
	assert.Equal(t, "RuleOutcome(7)", RuleOutcome(7).String())
	b, err := RuleMatched.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "matched", string(b))
}

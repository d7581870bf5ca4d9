package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

// TestExplainTimelineAgainstTimeline checks every cycle's walk against the
// timeline on random histories of the reference catalog: the open steps
// add up to the target and the walk ends at the cycle's due instant.
func TestExplainTimelineAgainstTimeline(t *testing.T) {
	zones := []*time.Location{time.UTC, mustZone(t, "Europe/Berlin"), mustZone(t, "America/New_York")}
	rng := rand.New(rand.NewPCG(20, 7))
	var s refSettings
	for m := range numBuiltins {
		s.restart[m] = rng.IntN(2) == 0
	}
	e, err := Compile("ref.yaml", []byte(refCatalog(s)))
	require.NoError(t, err)
	cycles, restarts := 0, 0
	for range 500 {
		c, events, now := randomHistory(rng, zones)
		x, err := e.ExplainTimeline(c, events, now)
		require.NoError(t, err)
		for _, cx := range x.Cycles {
			cy := cx.Cycle
			if cy.Target.Within == 0 {
				assert.Empty(t, cx.Walk.Steps)
				continue
			}
			cycles++
			assert.Equal(t, cy.Rule, matchedRule(cx), "%s cycle %d", cx.Metric, cx.Number)
			require.True(t, cy.Due.Equal(cx.Walk.Due), "%s cycle %d: due %s, walk %s", cx.Metric, cx.Number, cy.Due, cx.Walk.Due)
			var open time.Duration
			for _, st := range cx.Walk.Steps {
				open += st.Open
			}
			require.Equal(t, cy.Target.Within, open)
			for _, r := range cx.Retargets {
				require.True(t, r.At.After(cy.Start))
				if r.Restart {
					restarts++
					assert.Equal(t, CycleCancelled, cy.State)
				}
			}
		}
	}
	assert.Greater(t, cycles, 500)
	assert.Positive(t, restarts)
}

func TestExplainTimelineRetargets(t *testing.T) {
	e, err := Compile("explain.yaml", []byte(explainCatalog))
	require.NoError(t, err)
	opened := time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)
	c := Case{Tier: "silver", Priority: slo.P3, Opened: opened, Zone: "America/New_York"}
	events := []Event{
		{At: opened.Add(time.Hour), Type: EventPriority, Priority: slo.P2},
		{At: opened.Add(2 * time.Hour), Type: EventTier, Tier: "gold"},
	}
	x, err := e.ExplainTimeline(c, events, opened.Add(3*time.Hour))
	require.NoError(t, err)
	require.NotEmpty(t, x.Cycles)
	first := x.Cycles[0]
	assert.Equal(t, "response", first.Metric)
	assert.Equal(t, 1, first.Number)
	require.Len(t, first.Retargets, 2)
	assert.Equal(t, Retarget{At: opened.Add(time.Hour).In(x.Timeline.Location), What: "priority", From: "P3", To: "P2"}, first.Retargets[0])
	assert.Equal(t, "tier", first.Retargets[1].What)
	assert.Equal(t, "silver", first.Retargets[1].From)
	assert.Equal(t, "gold", first.Retargets[1].To)
	assert.Equal(t, "everyone", first.Cycle.Rule)
	assert.Equal(t, "everyone", matchedRule(first))
	require.Len(t, first.Rules, 4)
	assert.Equal(t, RuleFalse, first.Rules[2].Outcome)
	_, err = e.ExplainTimeline(Case{Tier: "nope", Priority: slo.P3, Opened: opened}, nil, opened)
	require.ErrorIs(t, err, ErrUnknownTier)
}

// matchedRule returns the id of the rule a cycle's explanation says
// matched, else its table row.
func matchedRule(cx CycleExplanation) string {
	for _, r := range cx.Rules {
		if r.Outcome == RuleMatched {
			return r.ID
		}
	}
	return cx.Row
}

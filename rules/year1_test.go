package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// TestYearOneIsAnInstant checks that the zero time.Time, 0001-01-01T00:00:00Z,
// is an instant wherever the engine's API takes one: an opening, CEL's now,
// an event, a cycle's end.
func TestYearOneIsAnInstant(t *testing.T) {
	year1 := time.Time{}
	e, err := Compile("t.yaml", []byte(`tiers:
  std:
    name: Std
    response: {P1: 1h 24x7, P2: 4h 24x7}
rules:
  - id: early
    when: "now < timestamp('0002-01-01T00:00:00Z')"
    tiers: [std]
    priorities: [P2]
    within: 2h
`))
	require.NoError(t, err)
	t.Run("an opening", func(t *testing.T) {
		d, err := e.Deadline(Case{Tier: "std", Priority: slo.P1, Opened: year1})
		require.NoError(t, err)
		assert.Equal(t, "0001-01-01T01:00:00Z", d.Due.Format(time.RFC3339))
	})
	t.Run("now is the opening when nil, the year 1 when given", func(t *testing.T) {
		opened := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		d, err := e.Deadline(Case{Tier: "std", Priority: slo.P2, Opened: opened})
		require.NoError(t, err)
		assert.Equal(t, "tiers.std.response.P2", d.Rule, "now is 2026")
		d, err = e.Deadline(Case{Tier: "std", Priority: slo.P2, Opened: opened, Now: new(year1)})
		require.NoError(t, err)
		assert.Equal(t, "early", d.Rule, "now is 0001-01-01T00:00:00Z")
	})
	t.Run("an event and a cycle's end", func(t *testing.T) {
		tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: year1},
			[]Event{{At: year1, Type: EventMessage, By: ByAgent}}, year1.Add(3*time.Hour))
		require.NoError(t, err)
		cy := tl.Metrics[0].Cycles[0]
		assert.Equal(t, CycleAchieved, cy.State)
		assert.True(t, cy.Ended(), "ended at the year 1")
		assert.True(t, cy.End.IsZero())
		assert.Equal(t, time.Duration(0), cy.Elapsed)
		assert.False(t, cy.Breached)
	})
	t.Run("a running cycle has not ended", func(t *testing.T) {
		tl, err := e.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: year1}, nil, year1.Add(3*time.Hour))
		require.NoError(t, err)
		cy := tl.Metrics[0].Cycles[0]
		assert.False(t, cy.Ended())
		assert.True(t, cy.Breached)
		assert.Equal(t, 2*time.Hour, cy.Overdue)
	})
	t.Run("the last second of 9999", func(t *testing.T) {
		d, err := e.Deadline(Case{Tier: "std", Priority: slo.P1, Opened: time.Date(9999, 12, 31, 22, 59, 59, 0, time.UTC)})
		require.NoError(t, err)
		assert.Equal(t, "9999-12-31T23:59:59Z", d.Due.Format(time.RFC3339))
	})
}

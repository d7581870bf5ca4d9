package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewTimeline(t *testing.T) {
	e, err := rules.Compile("gold.yaml", []byte(`
tiers:
  gold:
    name: Gold
    response: {P2: 2h 24x7}
    resolution: {P2: 8h 24x7}
`))
	require.NoError(t, err)
	berlin, err := slo.LoadZone("Europe/Berlin")
	require.NoError(t, err)
	at := func(hour, min int) time.Time { return time.Date(2026, 3, 6, hour, min, 0, 0, berlin) }
	c := rules.Case{Tier: "gold", Priority: slo.P2, Opened: at(9, 0), Zone: "Europe/Berlin"}
	events := []rules.Event{
		{At: at(10, 30), Type: rules.EventMessage, By: rules.ByAgent, Status: "pending"},
		{At: at(14, 0), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
	}
	tl, err := e.Timeline(c, events, at(15, 0).UTC())
	require.NoError(t, err)
	got := NewTimeline(c, len(events), tl)
	marshal(t, got)
	assert.Equal(t, "2026-03-06T15:00:00+01:00", got.Now.Format(time.RFC3339), "in the case's zone")
	byMetric := map[string]Metric{}
	for _, m := range got.Metrics {
		byMetric[m.Metric] = m
	}
	resp := byMetric["response"].Cycles[0]
	assert.Equal(t, "achieved", resp.State)
	require.NotNil(t, resp.End)
	assert.Equal(t, "2026-03-06T10:30:00+01:00", resp.End.Format(time.RFC3339))
	assert.Equal(t, Duration{Seconds: 5400, Text: "1h30m"}, resp.Elapsed)
	res := byMetric["resolution"].Cycles[0]
	assert.Nil(t, res.End, "running: no end")
	assert.Equal(t, Duration{Seconds: 3*3600 + 1800, Text: "3h30m"}, res.Paused, "pending from 10:30 to 14:00")
	require.Len(t, res.Pauses, 1)
	assert.Equal(t, 1, res.Cycle)
	assert.Len(t, res.Warnings, 2)
}

func TestNewCycleWithoutTarget(t *testing.T) {
	got := newCycle(1, rules.Cycle{Start: time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC)}, nil)
	assert.Nil(t, got.Target)
	assert.Nil(t, got.Due)
	assert.Nil(t, got.End)
	assert.Empty(t, got.Warnings)
	assert.NotNil(t, got.Warnings, "an empty list, not null")
}

// TestTimelineYearOneEnd checks that a cycle that ended at
// 0001-01-01T00:00:00Z has an end in JSON, and a running one none.
func TestTimelineYearOneEnd(t *testing.T) {
	e, err := rules.Compile("t.yaml", []byte("tiers:\n  std:\n    name: Std\n    response: {P1: 1h 24x7}\n"))
	require.NoError(t, err)
	year1 := time.Time{}
	tl, err := e.Timeline(rules.Case{Tier: "std", Priority: slo.P1, Opened: year1},
		[]rules.Event{{At: year1, Type: rules.EventMessage, By: rules.ByAgent}}, year1.Add(time.Hour))
	require.NoError(t, err)
	got := NewTimeline(rules.Case{Tier: "std", Priority: slo.P1, Opened: year1}, 1, tl)
	require.NotEmpty(t, got.Metrics)
	cy := got.Metrics[0].Cycles[0]
	require.NotNil(t, cy.End, "ended at the year 1")
	assert.True(t, cy.End.IsZero())
	assert.Equal(t, "0001-01-01T00:00:00Z", got.Case.Opened.Format(time.RFC3339))
}

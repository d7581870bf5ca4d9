package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewExplain(t *testing.T) {
	ny, err := slo.LoadZone("America/New_York")
	require.NoError(t, err)
	// Standard P1 (4h business) opened Friday 15:00 before the March
	// change, with Monday 09:00-10:00 paused.
	c := rules.Case{Tier: "standard", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 15, 0, 0, 0, ny), Zone: "America/New_York",
		Pauses: []slo.Interval{{Start: time.Date(2026, 3, 9, 9, 0, 0, 0, ny), End: time.Date(2026, 3, 9, 10, 0, 0, 0, ny)}}}
	x, err := rules.Default().Explain(c)
	require.NoError(t, err)
	got := NewExplain("standard", c, x)
	assert.JSONEq(t, `{"deadline":{"tier":"standard","priority":"P1","opened":"2026-03-06T15:00:00-05:00","zone":"America/New_York",
		"due":"2026-03-09T12:00:00-04:00",
		"target":{"within":{"seconds":14400,"text":"4h"},"calendar":"business","text":"4h business"},
		"rule":"tiers.standard.response.P1"},
	"row":"tiers.standard.response.P1",
	"rules":[],
	"steps":[
		{"kind":"open","from":"2026-03-06T15:00:00-05:00","to":"2026-03-06T17:00:00-05:00","open":{"seconds":7200,"text":"2h"}},
		{"kind":"outside hours","from":"2026-03-06T17:00:00-05:00","to":"2026-03-07T00:00:00-05:00"},
		{"kind":"weekend","from":"2026-03-07T00:00:00-05:00","to":"2026-03-09T00:00:00-04:00"},
		{"kind":"outside hours","from":"2026-03-09T00:00:00-04:00","to":"2026-03-09T09:00:00-04:00"},
		{"kind":"paused","from":"2026-03-09T09:00:00-04:00","to":"2026-03-09T10:00:00-04:00"},
		{"kind":"open","from":"2026-03-09T10:00:00-04:00","to":"2026-03-09T12:00:00-04:00","open":{"seconds":7200,"text":"2h"}}],
	"clockChanges":[{"at":"2026-03-08T03:00:00-04:00","from":"EST","to":"EDT","shift":{"seconds":3600,"text":"+1h"}}],
	"text":["Fri 15:00–17:00 EST 2h (of 4h)","Fri 17:00–24:00 closed (outside hours)","Sat–Sun closed (weekend)",
		"DST change Sun 02:00 (EST → EDT)","Mon 00:00–09:00 closed (outside hours)","Mon 09:00–10:00 paused",
		"Mon 10:00–12:00 EDT 2h (4h of 4h)","→ due Mon 12:00"]}`, string(marshal(t, got)))
}

func TestNewExplainTimeline(t *testing.T) {
	ny, err := slo.LoadZone("America/New_York")
	require.NoError(t, err)
	opened := time.Date(2026, 3, 6, 15, 0, 0, 0, ny)
	c := rules.Case{Tier: "standard", Priority: slo.P3, Opened: opened, Zone: "America/New_York"}
	events := []rules.Event{{At: opened.Add(time.Hour), Type: rules.EventPriority, Priority: slo.P1}}
	x, err := rules.Default().ExplainTimeline(c, events, opened.Add(2*time.Hour))
	require.NoError(t, err)
	got := NewExplainTimeline(c, len(events), x)
	require.NotEmpty(t, got.Cycles)
	r := got.Cycles[0]
	assert.Equal(t, "response", r.Metric)
	assert.Equal(t, "tiers.standard.response.P1", r.Row)
	assert.Equal(t, []Retarget{{At: At(opened.Add(time.Hour)), What: "priority", From: "P3", To: "P1"}}, r.Retargets)
	assert.Equal(t, "→ due Mon 11:00", r.Text[len(r.Text)-1])
	require.NotNil(t, r.Due)
	assert.Equal(t, "2026-03-09T11:00:00-04:00", r.Due.Format(time.RFC3339))
	marshal(t, got) // keeps the convention
}

package answer

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// marshal returns v as JSON after checking it keeps the convention.
func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, Check(b))
	return b
}

func TestNewDeadline(t *testing.T) {
	ny, err := slo.LoadZone("America/New_York")
	require.NoError(t, err)
	// Enhanced P3 opened Friday 15:00 in New York: 2h on Friday, 6h on
	// Monday; at Monday 16:00 it is an hour late.
	c := rules.Case{Tier: "enhanced", Priority: slo.P3, Opened: time.Date(2026, 11, 27, 15, 0, 0, 0, ny), Zone: "America/New_York",
		Now: new(time.Date(2026, 11, 30, 21, 0, 0, 0, time.UTC))}
	p, err := rules.Default().Status(c, *c.Now)
	require.NoError(t, err)
	t.Run("with status", func(t *testing.T) {
		got := NewDeadline("enhanced", c, p.Deadline, &p.Status)
		assert.JSONEq(t, `{"tier":"enhanced","priority":"P3","opened":"2026-11-27T15:00:00-05:00","zone":"America/New_York",
			"due":"2026-11-30T15:00:00-05:00",
			"target":{"within":{"seconds":28800,"text":"8h"},"calendar":"business","text":"8h business"},
			"rule":"tiers.enhanced.response.P3",
			"status":{"now":"2026-11-30T16:00:00-05:00","elapsed":{"seconds":32400,"text":"9h"},
				"remaining":{"seconds":-3600,"text":"-1h"},"breached":true,
				"warnings":["2026-11-30T11:00:00-05:00","2026-11-30T13:00:00-05:00","2026-11-30T15:00:00-05:00"]}}`,
			string(marshal(t, got)))
	})
	t.Run("without status", func(t *testing.T) {
		got := NewDeadline("enhanced", c, p.Deadline, nil)
		assert.Nil(t, got.Status)
		assert.Equal(t, ny, got.Due.Location(), "in the zone of the decision")
		assert.NotContains(t, string(marshal(t, got)), "status")
	})
}

// TestZoneOfTheDecision: a case without a zone, decided on a calendar in
// its own zone, names that zone beside its instants, as does its
// timeline; without a decision's zone, the case's is kept.
func TestZoneOfTheDecision(t *testing.T) {
	e, err := rules.Compile("berlin.yaml", []byte(`
calendars:
  office:
    zone: Europe/Berlin
    hours: {mon-fri: "09:00-17:00"}
tiers:
  gold:
    name: Gold
    response: {P2: 2h office}
`))
	require.NoError(t, err)
	c := rules.Case{Tier: "gold", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC)}
	d, err := e.Deadline(c)
	require.NoError(t, err)
	got := NewDeadline("gold", c, d, nil)
	assert.Equal(t, "Europe/Berlin", got.Zone)
	assert.Contains(t, string(marshal(t, got)), `"opened":"2026-03-06T09:00:00+01:00","zone":"Europe/Berlin","due":"2026-03-06T11:00:00+01:00"`)

	tl, err := e.Timeline(c, nil, c.Opened.Add(time.Hour))
	require.NoError(t, err)
	gotTL := NewTimeline(c, 0, tl)
	assert.Equal(t, "Europe/Berlin", gotTL.Zone)
	assert.Empty(t, gotTL.Case.Zone, "the case as opened names none")
	assert.Contains(t, string(marshal(t, gotTL)), `"zone":"Europe/Berlin","now":"2026-03-06T10:00:00+01:00"`)

	utc, err := rules.Default().Deadline(rules.Case{Tier: "enhanced", Priority: slo.P1, Opened: c.Opened})
	require.NoError(t, err)
	assert.Equal(t, "UTC", NewDeadline("enhanced", c, utc, nil).Zone, "no zone anywhere: UTC, named")

	d.Location = nil
	c.Zone = "Asia/Tokyo"
	assert.Equal(t, "Asia/Tokyo", NewDeadline("gold", c, d, nil).Zone, "no decision's zone: the case's")
}

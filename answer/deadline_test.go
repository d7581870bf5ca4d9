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

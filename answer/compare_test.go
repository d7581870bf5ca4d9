package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewCompare(t *testing.T) {
	ny, err := slo.LoadZone("America/New_York")
	require.NoError(t, err)
	scope := rules.Scope{Zone: "America/New_York", Country: "us",
		From: time.Date(2026, 3, 2, 0, 0, 0, 0, ny), To: time.Date(2026, 3, 16, 0, 0, 0, 0, ny)}
	changes, err := rules.Default().CompareIn("looker-premier", "premium", scope)
	require.NoError(t, err)
	got := NewCompare("looker-premier", "premium", &scope, changes)
	marshal(t, got)
	require.NotNil(t, got.Scope)
	assert.Equal(t, "2026-03-16T00:00:00-04:00", got.Scope.To.Format(time.RFC3339))
	require.Len(t, got.Changes, 4)
	p1 := got.Changes[0]
	assert.Equal(t, "1h looker-24x5", p1.From.Text)
	assert.Equal(t, Duration{Seconds: 900, Text: "15m"}, p1.To.Within)
	require.NotNil(t, p1.Effect)
	assert.Equal(t, Duration{Seconds: -(48*3600 + 45*60), Text: "-48h45m"}, p1.Effect.Min)
	assert.Equal(t, Duration{Seconds: -2700, Text: "-45m"}, p1.Effect.Max)
	eff := changes[0].Effect
	assert.Equal(t, eff.MinAt, p1.Effect.MinAt.Time, "the first opening due earliest")
	assert.Equal(t, eff.MaxAt, p1.Effect.MaxAt.Time, "the first opening due the least earlier: given, though no opening is due later")
	assert.Contains(t, string(marshal(t, p1.Effect)), `"maxAt":"`+eff.MaxAt.Format(time.RFC3339)+`"`)
	assert.Equal(t, Duration{Seconds: 0, Text: "0s"}, p1.Effect.Later)

	t.Run("as written", func(t *testing.T) {
		changes, err := rules.Default().Compare("looker-premier", "standard")
		require.NoError(t, err)
		got := NewCompare("looker-premier", "standard", nil, changes)
		assert.Nil(t, got.Scope)
		assert.Nil(t, got.Changes[0].Effect)
		assert.NotContains(t, string(marshal(t, got)), "effect")
	})
	t.Run("a target added", func(t *testing.T) {
		got := NewChanges([]slo.Change{{Priority: slo.P3, To: slo.Target{Within: time.Hour, Calendar: "24x7"}, Kind: slo.Added}})
		assert.Nil(t, got[0].From)
		assert.Contains(t, string(marshal(t, got)), `"from":null`)
	})
	t.Run("none", func(t *testing.T) {
		assert.Equal(t, "[]", string(marshal(t, NewChanges(nil))))
	})
}

package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestNewReplay(t *testing.T) {
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	history := []rules.Case{
		{Priority: slo.P1, Opened: opened, Zone: "UTC"},
		{Priority: slo.P4, Opened: opened.Add(time.Hour), Zone: "UTC"},
		{Priority: slo.P4, Opened: opened.Add(50 * time.Hour), Zone: "UTC"},
	}
	r, err := rules.Default().Replay(history, "enhanced", "standard")
	require.NoError(t, err)
	got := NewReplay(r, history, "h.csv", []int{2, 3, 4})
	marshal(t, got)
	assert.Equal(t, 3, got.Cases)
	require.NotNil(t, got.MaxLaterCase)
	assert.Equal(t, r.MaxLaterCase, got.MaxLaterCase.Index)
	assert.Equal(t, r.MaxLaterCase+2, got.MaxLaterCase.Line)
	assert.Equal(t, NewSigned(r.MaxLater), got.MaxLater)
	assert.Equal(t, NewSigned(r.Median), got.Median)
	assert.Equal(t, []string{"P1", "P4"}, []string{got.ByPriority[0].Priority, got.ByPriority[1].Priority})

	t.Run("without lines", func(t *testing.T) {
		got := NewReplay(r, history, "", nil)
		require.NotNil(t, got.MaxLaterCase)
		assert.Zero(t, got.MaxLaterCase.Line)
		assert.NotContains(t, string(marshal(t, got)), `"line"`)
		assert.NotContains(t, string(marshal(t, got)), `"file"`)
	})
	t.Run("no such case", func(t *testing.T) {
		assert.Nil(t, NewReplayCase(history, nil, -1))
		assert.Nil(t, NewReplayCase(history, nil, 3))
	})
}

// The delays are exact: an earlier case is written negative, and every
// percentile is the delay of a case.
func TestNewDelays(t *testing.T) {
	d := rules.Delays{Cases: 3, Later: 1, Earlier: 1, Same: 1, MaxLater: 64 * time.Hour, MaxEarlier: 45 * time.Minute,
		P10: -45 * time.Minute, Median: 0, P90: 64 * time.Hour}
	got := NewDelays(d)
	assert.Equal(t, Duration{Seconds: -2700, Text: "-45m"}, got.MaxEarlier)
	assert.Equal(t, Duration{Seconds: 230400, Text: "+64h"}, got.MaxLater)
	assert.Equal(t, Duration{Seconds: 0, Text: "0"}, got.Median)
}

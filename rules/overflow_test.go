package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// A duration a decision reports that does not fit in a time.Duration
// (about 292 years) is refused with slo.ErrDurationOverflow, a Limit,
// never capped at 2562047h47m16.854775807s.
func TestDurationOverflow(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	far := time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)
	enhanced := Case{Tier: "enhanced", Priority: slo.P3, Opened: time.Date(2026, 11, 27, 15, 0, 0, 0, ny), Zone: "America/New_York"}
	tl := timelineCatalog(t, "")
	year1 := time.Date(1, 3, 5, 10, 0, 0, 0, time.UTC)
	slow := `calendars:
  rare: {zone: UTC, hours: {mon: "09:00-10:00"}}
tiers:
  fast: {name: Fast, response: {P1: 87600h 24x7}}
  slow: {name: Slow, response: {P1: 87600h rare}}
`
	slowEngine, err := Compile("slow.yaml", []byte(slow))
	require.NoError(t, err)
	tests := []struct {
		name string
		run  func() error
		what string // the duration named in the error
	}{
		{"status: elapsed", func() error {
			_, err := Default().Status(enhanced, far)
			return err
		}, "open time"},
		{"timeline: elapsed on 24x7", func() error {
			_, err := tl.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: year1}, nil, far)
			return err
		}, "response cycle 1: elapsed"},
		{"timeline: paused", func() error {
			events := []Event{
				{At: year1.Add(time.Minute), Type: EventMessage, By: ByAgent},
				{At: year1.Add(time.Hour), Type: EventStatus, Status: "waiting on customer"},
				{At: far, Type: EventStatus, Status: "open"},
			}
			_, err := tl.Timeline(Case{Tier: "std", Priority: slo.P1, Opened: year1}, events, far.Add(time.Hour))
			return err
		}, "cycle 2: paused: duration overflow"},
		{"timeline: overdue on office hours", func() error {
			opened := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
			events := []Event{{At: opened.Add(time.Minute), Type: EventMessage, By: ByAgent}}
			_, err := tl.Timeline(Case{Tier: "std", Priority: slo.P3, Opened: opened}, events, time.Date(2700, 1, 1, 0, 0, 0, 0, time.UTC))
			return err
		}, "overdue"},
		{"replay: the difference of two dues", func() error {
			_, err := slowEngine.Replay([]Case{{Priority: slo.P1, Opened: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}}, "fast", "slow")
			return err
		}, "replay of case 0: due on slow minus due on fast"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			require.ErrorIs(t, err, slo.ErrDurationOverflow)
			assert.Equal(t, fault.Limit, fault.Of(err))
			assert.Contains(t, err.Error(), tt.what)
			assert.NotContains(t, err.Error(), "2562047h")
		})
	}
}

package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatus(t *testing.T) {
	c := testCalendars(t)["ny-biz"]
	ny := c.Location()
	at := func(day, h, m int) time.Time { return time.Date(2026, 6, day, h, m, 0, 0, ny) }
	start := at(8, 9, 0) // Monday
	tests := []struct {
		name      string
		now       time.Time
		pauses    []Interval
		elapsed   time.Duration
		remaining time.Duration
		breached  bool
		reached   [3]bool
		due       time.Time
		at        [3]time.Time
	}{
		{name: "before start", now: at(8, 8, 0), remaining: 8 * time.Hour,
			due: at(8, 17, 0), at: [3]time.Time{at(8, 13, 0), at(8, 15, 0), at(8, 17, 0)}},
		{name: "half way exactly", now: at(8, 13, 0), elapsed: 4 * time.Hour, remaining: 4 * time.Hour,
			reached: [3]bool{true, false, false}, due: at(8, 17, 0), at: [3]time.Time{at(8, 13, 0), at(8, 15, 0), at(8, 17, 0)}},
		{name: "at due", now: at(8, 17, 0), elapsed: 8 * time.Hour,
			reached: [3]bool{true, true, true}, due: at(8, 17, 0), at: [3]time.Time{at(8, 13, 0), at(8, 15, 0), at(8, 17, 0)}},
		{name: "after due while closed", now: at(8, 18, 0), elapsed: 8 * time.Hour, breached: true,
			reached: [3]bool{true, true, true}, due: at(8, 17, 0), at: [3]time.Time{at(8, 13, 0), at(8, 15, 0), at(8, 17, 0)}},
		{name: "overdue", now: at(9, 10, 0), elapsed: 9 * time.Hour, remaining: -time.Hour, breached: true,
			reached: [3]bool{true, true, true}, due: at(8, 17, 0), at: [3]time.Time{at(8, 13, 0), at(8, 15, 0), at(8, 17, 0)}},
		{name: "paused", now: at(9, 10, 0), pauses: []Interval{{at(8, 12, 0), at(9, 9, 0)}},
			elapsed: 4 * time.Hour, remaining: 4 * time.Hour, reached: [3]bool{true, false, false},
			due: at(9, 14, 0), at: [3]time.Time{at(9, 10, 0), at(9, 12, 0), at(9, 14, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := c.Status(start, 8*time.Hour, tt.now, tt.pauses...)
			assert.True(t, tt.due.Equal(s.Due), "Due %s", s.Due)
			assert.Equal(t, tt.elapsed, s.Elapsed)
			assert.Equal(t, tt.remaining, s.Remaining)
			assert.Equal(t, tt.breached, s.Breached)
			require.Len(t, s.Warnings, 3)
			for i, w := range s.Warnings {
				assert.Equal(t, []int{50, 75, 100}[i], w.Fraction)
				assert.True(t, tt.at[i].Equal(w.At), "warning %d%% at %s", w.Fraction, w.At)
				assert.Equal(t, tt.reached[i], w.Reached, "warning %d%%", w.Fraction)
			}
		})
	}
	t.Run("odd durations", func(t *testing.T) {
		s := AlwaysOpen().Status(start, 3*time.Nanosecond, start)
		assert.Equal(t, start.Add(time.Nanosecond), s.Warnings[0].At) // 50% of 3ns, rounded down
		assert.Equal(t, start.Add(3*time.Nanosecond), s.Warnings[2].At)
		long := AlwaysOpen().Status(start, 1<<62, start)
		assert.Equal(t, start.Add(1<<61), long.Warnings[0].At)
	})
}

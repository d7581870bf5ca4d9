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
			s, err := c.Status(start, 8*time.Hour, tt.now, tt.pauses...)
			require.NoError(t, err)
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
		s, err := AlwaysOpen().Status(start, 3*time.Nanosecond, start)
		require.NoError(t, err)
		assert.Equal(t, start.Add(time.Nanosecond), s.Warnings[0].At) // 50% of 3ns, rounded down
		assert.Equal(t, start.Add(3*time.Nanosecond), s.Warnings[2].At)
		long, err := AlwaysOpen().Status(start, 1<<62, start)
		require.NoError(t, err)
		assert.Equal(t, start.Add(1<<61), long.Warnings[0].At)
	})
}

// Warning agrees with Status's warnings and with Add of the fraction, and
// allocates nothing.
func TestWarning(t *testing.T) {
	c := mustCalendar(t, CalendarSpec{Name: "b", Zone: "America/New_York", Week: weekOf(t, "mon-fri", "09:00-17:00"), Holidays: []string{"us"}})
	loc := mustZone(t, "America/New_York")
	start := time.Date(2026, 11, 25, 15, 0, 0, 0, loc) // the eve of Thanksgiving
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, loc)
	st, err := c.Status(start, 8*time.Hour, now)
	require.NoError(t, err)
	for i, f := range []int{50, 75} {
		w := c.Warning(start, 8*time.Hour, f, now)
		assert.Equal(t, st.Warnings[i], w)
		assert.Equal(t, c.Add(start, time.Duration(f)*8*time.Hour/100), w.At)
	}
	assert.Equal(t, time.Date(2026, 11, 27, 11, 0, 0, 0, loc), st.Warnings[0].At, "2h on Wednesday, Thanksgiving closed, 2h on Friday from 09:00")
	huge := MaxWithin
	assert.Equal(t, c.Add(start, huge/2), c.Warning(start, huge, 50, now).At, "no overflow at the largest target")
	assert.Zero(t, testing.AllocsPerRun(10, func() { c.Warning(start, 8*time.Hour, 75, now) }))
}

package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// defaultCalendars builds the default catalog's calendars: Looker's 24x5
// and account-zone business hours.
func defaultCalendars(tb testing.TB) (looker, business *Calendar) {
	tb.Helper()
	looker = mustCalendar(tb, CalendarSpec{Name: "looker-24x5", Zone: "America/Los_Angeles", Holidays: []string{"us", "gb"},
		Week: Week{
			time.Sunday: {{17 * time.Hour, 24 * time.Hour}}, time.Monday: {{0, 24 * time.Hour}},
			time.Tuesday: {{0, 24 * time.Hour}}, time.Wednesday: {{0, 24 * time.Hour}},
			time.Thursday: {{0, 24 * time.Hour}}, time.Friday: {{0, 17 * time.Hour}},
		}})
	business = mustCalendar(tb, CalendarSpec{Name: "business", Zone: AccountZone, Week: weekOf(tb, "mon-fri", "09:00-17:00")})
	return looker, business
}

func mustZone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(tb, err)
	return loc
}

// sampled is what a brute-force walk saw of f = due(to) - due(from).
type sampled struct {
	min, max int64
	n        int
}

// bruteEffect evaluates f with Calendar.Add at every step from start to end
// and, with probes, 1ns either side of each, and checks that every value
// lies within the exact extremes of e.
func bruteEffect(t testing.TB, from, to Clock, start, end time.Time, step time.Duration, probes bool, e Effect) sampled {
	t.Helper()
	s := sampled{min: 1<<63 - 1, max: -1 << 63}
	look := func(at time.Time) {
		if at.Before(start) || !at.Before(end) {
			return
		}
		f := int64(to.Due(at).Sub(from.Due(at)))
		s.min, s.max = min(s.min, f), max(s.max, f)
		s.n++
		if f < int64(e.Min) || f > int64(e.Max) {
			t.Fatalf("%s -> %s: f(%s) = %s outside exact [%s, %s]", from, to, at.Format(time.RFC3339Nano),
				time.Duration(f), e.Min, e.Max)
		}
	}
	for at := start; at.Before(end); at = at.Add(step) {
		look(at)
		if probes {
			look(at.Add(-time.Nanosecond))
			look(at.Add(time.Nanosecond))
		}
	}
	return s
}

// checkAttained checks that the exact extremes occur where e says they do.
func checkAttained(t testing.TB, from, to Clock, start, end time.Time, e Effect) {
	t.Helper()
	for _, at := range []struct {
		at   time.Time
		want time.Duration
	}{{e.MinAt, e.Min}, {e.MaxAt, e.Max}} {
		require.False(t, at.at.Before(start), "extreme at %s before the window", at.at)
		require.True(t, at.at.Before(end), "extreme at %s after the window", at.at)
		require.Equal(t, at.want, to.Due(at.at).Sub(from.Due(at.at)), "f at %s", at.at.Format(time.RFC3339Nano))
	}
}

func TestEffectInDefaultCatalog(t *testing.T) {
	looker, business := defaultCalendars(t)
	h := time.Hour
	ny, tokyo := mustZone(t, "America/New_York"), mustZone(t, "Asia/Tokyo")
	tests := []struct {
		name     string
		from, to Clock
		zone     *time.Location
		want     string
	}{
		{"premier to enhanced P1 new york", Clock{looker, h}, Clock{AlwaysOpen(), h}, ny, "improved (-48h, 0)"},
		{"premier to enhanced P3 new york", Clock{looker, 8 * h}, Clock{business, 8 * h}, ny, "degraded (0, +64h)"},
		{"premier to enhanced P3 tokyo", Clock{looker, 8 * h}, Clock{business, 8 * h}, tokyo, "mixed (-1h, +64h)"},
		{"premier to premium P3 new york", Clock{looker, 8 * h}, Clock{business, 4 * h}, ny, "mixed (-52h, +12h)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := time.Date(2026, 3, 2, 0, 0, 0, 0, tt.zone), time.Date(2026, 3, 30, 0, 0, 0, 0, tt.zone)
			e, err := EffectIn(tt.from, tt.to, start, end)
			require.NoError(t, err)
			t.Logf("%s: %+v", tt.name, e)
			assert.Equal(t, tt.want, e.String())
			checkAttained(t, tt.from, tt.to, start, end, e)
			s := bruteEffect(t, tt.from, tt.to, start, end, time.Minute, true, e)
			assert.Equal(t, int64(e.Min), s.min)
			assert.Equal(t, int64(e.Max), s.max)
		})
	}
}

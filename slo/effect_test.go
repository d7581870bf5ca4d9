package slo

import (
	"fmt"
	"math/rand/v2"
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

// brute is what a brute-force walk with Calendar.Add found of
// f = due(to) - due(from).
type brute struct {
	min, max       int64
	earlier, later int64 // only from bruteMinutes
}

// diffAt returns f at the opening at.
func diffAt(from, to Clock, at time.Time) int64 { return int64(to.Due(at).Sub(from.Due(at))) }

// bruteMinutes walks every minute m of [start, end), both whole minutes
// apart, evaluating f at m, m+1ns and m+1min-1ns. On calendars whose edges
// are whole minutes, with whole-minute targets, f is affine on the open
// minute (m, m+1min), so those three values give its extremes and the exact
// measure of openings with f < 0 and f > 0, independently of EffectIn. It
// fails if f is not affine there with a slope of -1, 0 or 1. A lone
// instant at which f is zero between two at which it is not counts with the
// one before it, as Effect says: m, m+1ns, m+1min-1ns, or where f crosses
// zero inside the minute.
func bruteMinutes(t testing.TB, from, to Clock, start, end time.Time) brute {
	t.Helper()
	require.Zero(t, end.Sub(start)%time.Minute, "window not in whole minutes")
	b := brute{min: 1<<63 - 1, max: -1 << 63}
	const n = int64(time.Minute) - 1 // the openings m+1ns .. m+1min-1ns
	type minute struct{ f0, f1, f2, slope int64 }
	var mins []minute
	for m := start; m.Before(end); m = m.Add(time.Minute) {
		f0 := diffAt(from, to, m)
		f1 := diffAt(from, to, m.Add(time.Nanosecond))
		f2 := diffAt(from, to, m.Add(time.Minute-time.Nanosecond))
		slope := (f2 - f1) / (n - 1)
		require.Equal(t, f2-f1, slope*(n-1), "f not affine in the minute after %s", m)
		require.Contains(t, []int64{-1, 0, 1}, slope, "slope of f in the minute after %s", m)
		b.min, b.max = min(b.min, f0, f1, f2), max(b.max, f0, f1, f2)
		switch {
		case f0 < 0:
			b.earlier++
		case f0 > 0:
			b.later++
		}
		b.earlier += countSign(f1, slope, n, -1)
		b.later += countSign(f1, slope, n, 1)
		mins = append(mins, minute{f0, f1, f2, slope})
	}
	lone := func(f, left, right int64) {
		if f == 0 && left != 0 && right != 0 {
			if left < 0 {
				b.earlier++
			} else {
				b.later++
			}
		}
	}
	for i, x := range mins {
		if i > 0 {
			lone(x.f0, mins[i-1].f2, x.f1) // m
		}
		lone(x.f1, x.f0, x.f1+x.slope) // m+1ns
		if j := -x.f1 * x.slope; x.slope != 0 && j >= 1 && j <= n-2 {
			lone(0, -x.slope, x.slope) // f crosses zero at m+1ns+j
		}
		if i+1 < len(mins) {
			lone(x.f2, x.f2-x.slope, mins[i+1].f0) // m+1min-1ns
		}
	}
	return b
}

// sgn returns -1, 0 or 1 as v is negative, zero or positive.
func sgn(v int64) int64 { return min(max(v, -1), 1) }

// countSign counts the k in [0, n) for which f + slope*k has the sign sign,
// by bisection on the monotone sequence (independent of EffectIn's algebra).
func countSign(f, slope, n, sign int64) int64 {
	has := func(k int64) bool {
		v := f + slope*k
		return sign < 0 && v < 0 || sign > 0 && v > 0
	}
	if slope == 0 {
		if has(0) {
			return n
		}
		return 0
	}
	// The set of k with the sign is a prefix or a suffix of [0, n).
	prefix := has(0)
	if !prefix && !has(n-1) {
		return 0
	}
	lo, hi := int64(0), n // find the first k where has(k) != prefix
	for lo < hi {
		mid := lo + (hi-lo)/2
		if has(mid) != prefix {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if prefix {
		return lo
	}
	return n - lo
}

// bruteBounds evaluates f at every step of [start, end), 1ns either side of
// each and at end-1ns, and checks each value lies within e's extremes.
func bruteBounds(t testing.TB, from, to Clock, start, end time.Time, step time.Duration, e Effect) {
	t.Helper()
	look := func(at time.Time) {
		if at.Before(start) || !at.Before(end) {
			return
		}
		if f := diffAt(from, to, at); f < int64(e.Min) || f > int64(e.Max) {
			t.Fatalf("%s -> %s: f(%s) = %s outside exact [%s, %s]", from, to, at.Format(time.RFC3339Nano),
				time.Duration(f), e.Min, e.Max)
		}
	}
	for at := start; at.Before(end); at = at.Add(step) {
		look(at)
		look(at.Add(-time.Nanosecond))
		look(at.Add(time.Nanosecond))
	}
	look(end.Add(-time.Nanosecond))
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

// checkAgainstMinutes compares e with bruteMinutes on a whole-minute case.
func checkAgainstMinutes(t testing.TB, from, to Clock, start, end time.Time, e Effect) {
	t.Helper()
	checkAttained(t, from, to, start, end, e)
	b := bruteMinutes(t, from, to, start, end)
	assert.Equal(t, time.Duration(b.min), e.Min, "min")
	assert.Equal(t, time.Duration(b.max), e.Max, "max")
	assert.Equal(t, time.Duration(b.earlier), e.Earlier, "earlier")
	assert.Equal(t, time.Duration(b.later), e.Later, "later")
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
			assert.Equal(t, tt.want, e.String())
			checkAgainstMinutes(t, tt.from, tt.to, start, end, e)
		})
	}
}

// TestEffectLoneInstants: an opening at 09:00 sharp is due at 17:00 on
// both clocks, between openings due later on either side; such an instant
// has no length, so the two weeks of openings are due later for 335h (the
// spring-forward week is an hour short), not 335h less 10ns.
func TestEffectLoneInstants(t *testing.T) {
	looker, business := defaultCalendars(t)
	ny := mustZone(t, "America/New_York")
	start, end := time.Date(2026, 3, 2, 0, 0, 0, 0, ny), time.Date(2026, 3, 16, 0, 0, 0, 0, ny)
	e, err := EffectIn(Clock{looker, 8 * time.Hour}, Clock{business, 8 * time.Hour}, start, end)
	require.NoError(t, err)
	assert.Equal(t, "degraded (0, +64h)", e.String())
	assert.Equal(t, 335*time.Hour, e.Later)
	assert.Equal(t, time.Duration(0), e.Earlier)
	opening := time.Date(2026, 3, 3, 9, 0, 0, 0, ny)
	assert.Equal(t, int64(0), diffAt(Clock{looker, 8 * time.Hour}, Clock{business, 8 * time.Hour}, opening), "09:00 sharp keeps its deadline")
}

// TestEffectSumRuns counts runs of the signs of f as the sweep gives them.
func TestEffectSumRuns(t *testing.T) {
	type run struct{ sign, n int64 }
	for _, tt := range []struct {
		name           string
		runs           []run
		earlier, later int64
	}{
		{"a lone zero between later openings", []run{{1, 5}, {0, 1}, {1, 5}}, 0, 11},
		{"a lone zero between earlier openings", []run{{-1, 5}, {0, 1}, {-1, 2}, {-1, 3}}, 11, 0},
		{"a lone zero where f changes sign ends the run before", []run{{1, 5}, {0, 1}, {-1, 5}}, 5, 6},
		{"and the other way", []run{{-1, 5}, {0, 1}, {1, 5}}, 6, 5},
		{"two zeros", []run{{1, 5}, {0, 2}, {1, 5}}, 0, 10},
		{"two zeros told in two runs", []run{{1, 5}, {0, 1}, {0, 1}, {1, 5}}, 0, 10},
		{"a lone zero at the start", []run{{0, 1}, {1, 5}}, 0, 5},
		{"a lone zero at the end", []run{{1, 5}, {0, 1}}, 0, 5},
		{"a lone later opening stays later", []run{{0, 5}, {1, 1}, {0, 5}}, 0, 1},
		{"lone zeros in turn", []run{{1, 2}, {0, 1}, {1, 1}, {0, 1}, {1, 2}}, 0, 7},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var s effectSum
			for _, r := range tt.runs {
				s.run(r.sign, r.n)
			}
			assert.Equal(t, tt.earlier, s.earlier, "earlier")
			assert.Equal(t, tt.later, s.later, "later")
		})
	}
}

// TestEffectInHolidays runs the default pairs over windows holding Looker's
// US and UK holidays and the clock changes of 2026, against brute force.
func TestEffectInHolidays(t *testing.T) {
	looker, business := defaultCalendars(t)
	usBusiness := mustCalendar(t, CalendarSpec{Name: "business-us", Zone: AccountZone, Holidays: []string{"us"},
		Week: weekOf(t, "mon-fri", "09:00-17:00")})
	h := time.Hour
	tests := []struct {
		name       string
		from, to   Clock
		zone       string
		start, end Date
	}{
		{"easter london P3", Clock{looker, 8 * h}, Clock{business, 8 * h}, "Europe/London", Date{2026, 3, 27}, Date{2026, 4, 9}},
		{"christmas new york P1", Clock{looker, h}, Clock{AlwaysOpen(), h}, "America/New_York", Date{2026, 12, 20}, Date{2027, 1, 4}},
		{"christmas tokyo P3", Clock{looker, 8 * h}, Clock{usBusiness, 8 * h}, "Asia/Tokyo", Date{2026, 12, 20}, Date{2027, 1, 4}},
		{"thanksgiving kolkata P2", Clock{looker, 4 * h}, Clock{usBusiness, 4 * h}, "Asia/Kolkata", Date{2026, 11, 20}, Date{2026, 12, 1}},
		{"fall back new york P3 reverse", Clock{business, 8 * h}, Clock{looker, 8 * h}, "America/New_York", Date{2026, 10, 29}, Date{2026, 11, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			start := time.Date(tt.start.Year, tt.start.Month, tt.start.Day, 0, 0, 0, 0, loc)
			end := time.Date(tt.end.Year, tt.end.Month, tt.end.Day, 0, 0, 0, 0, loc)
			e, err := EffectIn(tt.from, tt.to, start, end)
			require.NoError(t, err)
			t.Log(e)
			checkAgainstMinutes(t, tt.from, tt.to, start, end, e)
		})
	}
}

// randomZones are the zones random calendars and accounts pick from: 1h
// clock changes in both hemispheres, none, a half-hour offset and Lord
// Howe's half-hour change.
var randomZones = []string{"UTC", "America/New_York", "Europe/London", "Asia/Tokyo", "Asia/Kolkata",
	"Australia/Lord_Howe", "America/Los_Angeles", "Australia/Sydney"}

// randomAnchors are instants near which random windows open: clock changes
// in the random zones and public holidays.
var randomAnchors = []string{
	"2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z", // New York
	"2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", // London
	"2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z", // Lord Howe
	"2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z", // Sydney
	"2026-12-25T00:00:00Z", "2026-07-03T12:00:00Z", "2026-04-03T00:00:00Z", "2026-05-25T00:00:00Z",
	"2026-06-10T00:00:00Z", "2027-01-01T00:00:00Z",
}

// randomClockCalendar returns the 24x7 calendar one time in eight, else
// a random calendar (randomCalendar) in a random zone or the account's,
// with closed dates near the instant near.
func randomClockCalendar(t testing.TB, r *rand.Rand, near time.Time) *Calendar {
	t.Helper()
	if r.IntN(8) == 0 {
		return AlwaysOpen()
	}
	zone := AccountZone
	if z := r.IntN(len(randomZones) + 2); z < len(randomZones) {
		zone = randomZones[z]
	}
	return randomCalendar(t, r, zone, near)
}

// randomWithin returns a random whole-minute response time, sometimes 0.
func randomWithin(r *rand.Rand) time.Duration {
	switch r.IntN(6) {
	case 0:
		return 0
	case 1:
		return time.Duration(1+r.IntN(59)) * time.Minute
	case 2:
		return time.Duration(1+r.IntN(72)) * time.Hour
	}
	return time.Duration(1+r.IntN(2000)) * time.Minute
}

// TestEffectInRandom checks EffectIn against brute force on random
// calendars, targets and windows near clock changes and holidays: exact
// equality of the extremes and measures when every edge is a whole minute,
// and bounds and attained extremes when targets and windows are not.
func TestEffectInRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 2026))
	for i := range 1200 {
		anchor, err := time.Parse(time.RFC3339, randomAnchors[r.IntN(len(randomAnchors))])
		require.NoError(t, err)
		loc := mustZone(t, randomZones[r.IntN(len(randomZones))])
		start := anchor.Add(time.Duration(r.IntN(4*1440)-2*1440) * time.Minute).In(loc)
		a, b := randomClockCalendar(t, r, start), randomClockCalendar(t, r, start)
		from, to := Clock{a, randomWithin(r)}, Clock{b, randomWithin(r)}
		end := start.Add(time.Duration(1+r.IntN(360)) * time.Minute)
		whole := i%4 != 0
		if !whole { // nanosecond targets and windows: bounds only
			from.Within += time.Duration(r.Int64N(int64(time.Minute)))
			to.Within += time.Duration(r.Int64N(int64(time.Minute)))
			start = start.Add(time.Duration(r.Int64N(int64(time.Minute))))
			end = end.Add(time.Duration(r.Int64N(int64(time.Minute))))
		}
		name := fmt.Sprintf("%d %s %s -> %s %s from %s for %s", i, from, a.Spec().Zone, to, b.Spec().Zone,
			start.Format(time.RFC3339Nano), end.Sub(start))
		t.Run(name, func(t *testing.T) {
			e, err := EffectIn(from, to, start, end)
			require.NoError(t, err)
			if whole {
				checkAgainstMinutes(t, from, to, start, end, e)
				return
			}
			checkAttained(t, from, to, start, end, e)
			bruteBounds(t, from, to, start, end, time.Minute, e)
			assert.LessOrEqual(t, e.Earlier+e.Later, end.Sub(start))
		})
	}
}

func TestEffectInErrors(t *testing.T) {
	looker, business := defaultCalendars(t)
	sparse := mustCalendar(t, CalendarSpec{Name: "sparse", Zone: "UTC", Week: Week{time.Monday: {{0, time.Minute}}}})
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	ok := Clock{looker, time.Hour}
	tests := []struct {
		name       string
		from, to   Clock
		start, end time.Time
		want       string
	}{
		{"empty window", ok, ok, start, start,
			"invalid effect window: end 2026-03-02T00:00:00Z is not after start 2026-03-02T00:00:00Z"},
		{"inverted window", ok, ok, start, start.Add(-time.Nanosecond),
			"invalid effect window: end 2026-03-01T23:59:59.999999999Z is not after start 2026-03-02T00:00:00Z"},
		{"window too long", ok, ok, start, start.AddDate(200, 0, 0),
			"invalid effect window: window from 2026-03-02T00:00:00Z to 2226-03-02T00:00:00Z is longer than 1281023h"},
		{"nil calendar from", Clock{nil, time.Hour}, ok, start, start.Add(time.Hour),
			"invalid effect window: from clock has no calendar"},
		{"nil calendar to", ok, Clock{}, start, start.Add(time.Hour),
			"invalid effect window: to clock has no calendar"},
		{"negative within", ok, Clock{business, -time.Minute}, start, start.Add(time.Hour),
			"invalid effect window: to clock -1m business: response time outside 0 to 87600h"},
		{"within past max", Clock{business, MaxWithin + 1}, ok, start, start.Add(time.Hour),
			"invalid effect window: from clock 87600h0m0.000000001s business: response time outside 0 to 87600h"},
		{"deadline too far", ok, Clock{sparse, MaxWithin}, start, start.Add(time.Hour),
			"invalid effect window: to clock 87600h sparse: deadlines fall more than 1281023h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EffectIn(tt.from, tt.to, tt.start, tt.end)
			require.ErrorIs(t, err, ErrEffect)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestEffectString(t *testing.T) {
	h := time.Hour
	for _, tt := range []struct {
		e    Effect
		want string
	}{
		{Effect{}, "unchanged (0, 0)"},
		{Effect{Kind: Mixed, Min: -h, Max: 64 * h}, "mixed (-1h, +64h)"},
		{Effect{Kind: Improved, Min: -90 * time.Minute}, "improved (-1h30m, 0)"},
		{Effect{Kind: Degraded, Max: 1500 * time.Millisecond}, "degraded (0, +1.5s)"},
	} {
		t.Run(tt.want, func(t *testing.T) { assert.Equal(t, tt.want, tt.e.String()) })
	}
	assert.Equal(t, "8h business", Clock{mustCalendar(t, CalendarSpec{Name: "business", Week: weekOf(t, "mon", "09:00-17:00")}), 8 * h}.String())
	assert.Equal(t, "1h <nil>", Clock{Within: h}.String())
}

// TestEffectInUnchanged checks that a clock compared with itself, or with
// the same hours in another calendar, never moves a deadline.
func TestEffectInUnchanged(t *testing.T) {
	looker, business := defaultCalendars(t)
	ny := mustZone(t, "America/New_York")
	nyBusiness := mustCalendar(t, CalendarSpec{Name: "ny", Zone: "America/New_York", Week: weekOf(t, "mon-fri", "09:00-17:00")})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, ny)
	for _, tt := range []struct {
		name     string
		from, to Clock
	}{
		{"same looker", Clock{looker, 8 * time.Hour}, Clock{looker, 8 * time.Hour}},
		{"account zone is new york", Clock{business, 4 * time.Hour}, Clock{nyBusiness, 4 * time.Hour}},
		{"24x7", Clock{AlwaysOpen(), 0}, Clock{AlwaysOpen(), 0}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := EffectIn(tt.from, tt.to, start, start.AddDate(1, 0, 0))
			require.NoError(t, err)
			assert.Equal(t, Effect{Kind: Unchanged, MinAt: start, MaxAt: start}, e)
		})
	}
}

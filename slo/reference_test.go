package slo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refCal is a brute-force model of a calendar: it steps minute by minute
// and reads each minute's wall clock, taking the running maximum of the
// readings so that a repeated hour stands still (see local.go).
type refCal struct {
	loc    *time.Location
	week   Week
	closed map[Date]bool
}

func newRef(c *Calendar, loc *time.Location) refCal {
	spec := c.Spec()
	r := refCal{loc: loc, week: spec.Week, closed: map[Date]bool{}}
	for _, code := range spec.Holidays {
		for y := FirstHolidayYear; y <= LastHolidayYear; y++ {
			for _, h := range holidaySets[code] {
				if a, o := h.Calc(y); !a.IsZero() {
					r.closed[DateOf(a)], r.closed[DateOf(o)] = true, true
				}
			}
		}
	}
	for _, d := range spec.Closed {
		r.closed[d] = true
	}
	return r
}

func (r refCal) openLocal(l int64) bool {
	t := time.Unix(l, 0).UTC() // a naive wall clock
	if r.closed[DateOf(t)] {
		return false
	}
	tod := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute
	for _, sp := range r.week[t.Weekday()] {
		if tod >= sp.Start && tod < sp.End {
			return true
		}
	}
	return false
}

// walk calls fn for each minute from s (a whole minute) on, with whether it
// is open and not paused, until fn returns false.
func (r refCal) walk(s time.Time, pauses []Interval, fn func(u time.Time, open bool) bool) {
	reading := func(u time.Time) int64 { _, off := u.In(r.loc).Zone(); return u.Unix() + int64(off) }
	top := int64(math.MinInt64)
	for u := s.Add(-3 * time.Hour); u.Before(s); u = u.Add(time.Minute) {
		top = max(top, reading(u)+60)
	}
	for u := s; ; u = u.Add(time.Minute) {
		open := r.openLocal(max(reading(u), top))
		for _, p := range pauses {
			if !u.Before(p.Start) && u.Before(p.End) {
				open = false
			}
		}
		if !fn(u, open) {
			return
		}
		top = max(top, reading(u)+60)
	}
}

func (r refCal) elapsed(s, e time.Time, pauses []Interval) time.Duration {
	var n time.Duration
	r.walk(s, pauses, func(u time.Time, open bool) bool {
		if !u.Before(e) {
			return false
		}
		if open {
			n += time.Minute
		}
		return true
	})
	return n
}

func (r refCal) add(s time.Time, d time.Duration, pauses []Interval) time.Time {
	var got time.Time
	var n time.Duration
	r.walk(s, pauses, func(u time.Time, open bool) bool {
		if d <= 0 && open {
			got = u
			return false
		}
		if open {
			n += time.Minute
			if n >= d {
				got = u.Add(time.Minute)
				return false
			}
		}
		return true
	})
	return got
}

// randomCalendar builds a calendar with random minute-aligned spans, often
// around the hours clocks change, and random holidays and closed dates.
func randomCalendar(t testing.TB, r *rand.Rand, zone string, near time.Time) *Calendar {
	t.Helper()
	var spec CalendarSpec
	for {
		spec = CalendarSpec{Name: "random", Zone: zone}
		for d := range spec.Week {
			var spans []Span
			for range r.IntN(3) {
				var a, b time.Duration
				switch r.IntN(4) {
				case 0: // around the usual clock changes
					a = time.Duration(r.IntN(5*60)) * time.Minute
					b = a + time.Duration(1+r.IntN(4*60))*time.Minute
				case 1: // to midnight
					a, b = time.Duration(r.IntN(24*60))*time.Minute, 24*time.Hour
				default:
					a = time.Duration(r.IntN(24*60)) * time.Minute
					b = a + time.Duration(1+r.IntN(12*60))*time.Minute
				}
				spans = append(spans, Span{a, min(b, 24*time.Hour)})
			}
			if (Week{spans}).Validate() == nil {
				spec.Week[d] = spans
			}
		}
		if r.IntN(2) == 0 {
			spec.Holidays = []string{[]string{"us", "gb", "fr", "au-nsw", "jp"}[r.IntN(5)]}
		}
		for range r.IntN(4) {
			spec.Closed = append(spec.Closed, DateOf(near.AddDate(0, 0, r.IntN(20)-5)))
		}
		if c, err := NewCalendar(spec); err == nil {
			return c
		}
	}
}

// randomStart returns the location of zone (for "account", one of
// accountLocs) and a whole minute in 2015-2030 in it, in zones with clock
// changes just before one except one time in farOneIn.
func randomStart(t testing.TB, r *rand.Rand, zone string, accountLocs []string, farOneIn int) (*time.Location, time.Time) {
	t.Helper()
	locName := zone
	if zone == "account" {
		locName = accountLocs[r.IntN(len(accountLocs))]
	}
	loc := mustLoc(t, locName)
	s := time.Unix(1420070400+r.Int64N(16*365*86400), 0).In(loc)
	if _, end := s.ZoneBounds(); !end.IsZero() && r.IntN(farOneIn) != 0 {
		s = end.Add(-time.Duration(r.IntN(3*24*60)) * time.Minute)
	}
	return loc, time.Unix(s.Unix()/60*60, 0).In(loc)
}

// randomPauses returns n pauses of up to a day, in whole minutes, starting
// from an hour before s to five days after it.
func randomPauses(r *rand.Rand, s time.Time, n int) []Interval {
	var pauses []Interval
	for range n {
		ps := s.Add(time.Duration(r.IntN(5*24*60)-60) * time.Minute)
		pauses = append(pauses, Interval{ps, ps.Add(time.Duration(r.IntN(24*60)) * time.Minute)})
	}
	return pauses
}

// trials returns the number of random cases a property test runs: n, or
// short under -short.
func trials(n, short int) int {
	if testing.Short() {
		return short
	}
	return n
}

func TestAgainstReference(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Paris", "Australia/Sydney", "Australia/Lord_Howe",
		"America/Sao_Paulo", "America/Havana", "America/Santiago", "Asia/Kathmandu", "UTC", "account"}
	r := rand.New(rand.NewPCG(7, 11))
	for i := range trials(300, 50) {
		zone := zones[i%len(zones)]
		loc, s := randomStart(t, r, zone, []string{"Europe/London", "America/Chicago"}, 4)
		c := randomCalendar(t, r, zone, s)
		ref := newRef(c, loc)
		pauses := randomPauses(r, s, r.IntN(3))
		weekly := c.weekly
		d := time.Duration(r.Int64N(int64(2*weekly/time.Minute)+1)) * time.Minute
		switch r.IntN(10) {
		case 0:
			d = 0
		case 1, 2, 3: // often ends exactly at a closing
			d = ref.elapsed(s, s.Add(time.Duration(r.IntN(10*24*60))*time.Minute), pauses)
		}
		t.Run(fmt.Sprintf("%d-%s", i, zone), func(t *testing.T) {
			msg := fmt.Sprintf("start %s d %s spec %+v pauses %v", s, d, c.Spec(), pauses)
			want := ref.add(s, d, pauses)
			got := c.Add(s, d, pauses...)
			require.True(t, want.Equal(got), "Add = %s, want %s; %s", got, want, msg)
			require.Equal(t, max(d, 0), c.Elapsed(s, got, pauses...), msg)
			e := s.Add(time.Duration(r.IntN(10*24*60)) * time.Minute)
			require.Equal(t, ref.elapsed(s, e, pauses), c.Elapsed(s, e, pauses...), "Elapsed to %s; %s", e, msg)
			// IsOpen and Next over a day from s, minute by minute.
			var firstOpen time.Time
			ref.walk(s, nil, func(u time.Time, open bool) bool {
				if open && firstOpen.IsZero() {
					firstOpen = u
				}
				require.Equal(t, open, c.IsOpen(u), "IsOpen(%s); %s", u, msg)
				return u.Before(s.Add(24 * time.Hour))
			})
			if !firstOpen.IsZero() {
				require.True(t, firstOpen.Equal(c.Next(s)), "Next = %s, want %s; %s", c.Next(s), firstOpen, msg)
			}
		})
	}
}

// TestAddExtremes pins targets near the largest Duration, where week
// counting once saturated and Add returned a closed instant.
func TestAddExtremes(t *testing.T) {
	biz := mustCalendar(t, CalendarSpec{Name: "biz", Zone: "UTC", Week: weekOf(t, "mon-fri", "09:00-17:00")})
	bizUS := mustCalendar(t, CalendarSpec{Name: "biz-us", Zone: "UTC", Week: weekOf(t, "mon-fri", "09:00-17:00"), Holidays: []string{"us"}})
	monday := mustTime(t, "2026-03-02T22:00:00Z")
	tests := []struct {
		name  string
		cal   *Calendar
		start time.Time
		d     time.Duration
		want  string
	}{
		{"64051 weeks and an hour", biz, monday, 2562041 * time.Hour, "3253-09-23T10:00:00Z"},
		{"largest duration", biz, monday, math.MaxInt64, "3253-09-23T16:47:16.854775807Z"},
		{"largest duration on 24x7", AlwaysOpen(), monday, math.MaxInt64, "2318-06-12T21:47:16.854775807Z"},
		{"maximum target", biz, monday, MaxWithin, "2068-02-20T17:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.Add(tt.start, tt.d)
			assert.Equal(t, tt.want, got.Format(time.RFC3339Nano))
			assert.Equal(t, tt.d, tt.cal.Elapsed(tt.start, got))
			assert.True(t, tt.cal.IsOpen(got.Add(-time.Nanosecond)), "closed just before %s", got)
		})
	}
	t.Run("holidays near the largest duration", func(t *testing.T) {
		for _, d := range []time.Duration{math.MaxInt64, math.MaxInt64 - 40*time.Hour, 2562041 * time.Hour} {
			got := bizUS.Add(monday, d)
			assert.Equal(t, d, bizUS.Elapsed(monday, got), "d %s", d)
			assert.True(t, bizUS.IsOpen(got.Add(-time.Nanosecond)), "closed just before %s", got)
			assert.True(t, got.After(biz.Add(monday, d)), "holidays push %s later", d)
		}
	})
	t.Run("elapsed saturates only past the largest duration", func(t *testing.T) {
		end := biz.Add(monday, math.MaxInt64)
		assert.Equal(t, time.Duration(math.MaxInt64), biz.Elapsed(monday, end.Add(time.Hour)))
		assert.Equal(t, time.Duration(math.MaxInt64-1), biz.Elapsed(monday, end.Add(-time.Nanosecond)))
		p := Interval{monday.Add(24 * time.Hour), monday.Add(48 * time.Hour)} // Tuesday's 8h
		withPause := biz.Add(monday, math.MaxInt64, p)
		assert.Equal(t, time.Duration(math.MaxInt64), biz.Elapsed(monday, withPause, p))
		assert.Equal(t, time.Duration(math.MaxInt64-8*time.Hour), biz.Elapsed(monday, end, p))
	})
}

// TestAddElapsedProperty checks on 2000 random calendars, starts,
// pauses and targets, from a minute to the largest Duration, that Elapsed
// inverts Add and that every deadline ends open time; small targets are
// also checked against the minute-walk reference.
func TestAddElapsedProperty(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Paris", "Australia/Sydney", "UTC", "account"}
	r := rand.New(rand.NewPCG(3, 5))
	for i := range trials(2000, 300) {
		zone := zones[i%len(zones)]
		loc, s := randomStart(t, r, zone, []string{"Asia/Tokyo", "Europe/London"}, 2)
		minute := r.IntN(4) != 0 // whole minutes, for the reference
		if !minute {
			s = s.Add(time.Duration(r.Int64N(int64(time.Minute))))
		}
		c := randomCalendar(t, r, zone, s)
		pauses := randomPauses(r, s, []int{0, 1, 2, 12}[r.IntN(4)])
		dst := zone != "UTC" && loc.String() != "Asia/Tokyo"
		var d time.Duration
		switch kind := r.IntN(4); {
		case kind == 0 && !dst:
			// Near the largest Duration: in zones with clock changes a
			// sparse calendar would walk millions of years of them.
			d = time.Duration(math.MaxInt64 - r.Int64N(int64(2*c.weekly)))
		case kind <= 1 && c.weekly >= 8*time.Hour:
			d = MaxWithin - time.Duration(r.Int64N(int64(2*c.weekly)))
		case kind <= 1:
			d = time.Duration(r.Int64N(int64(c.weekly) * 52 * 50)) // 50 years
		default:
			d = time.Duration(1 + r.Int64N(int64(2*c.weekly)))
			if minute {
				d = d.Round(time.Minute) + time.Minute
			}
		}
		t.Run(fmt.Sprintf("%d-%s", i, zone), func(t *testing.T) {
			msg := fmt.Sprintf("start %s d %s spec %+v pauses %v", s, d, c.Spec(), pauses)
			got := c.Add(s, d, pauses...)
			require.True(t, got.After(s), "Add = %s not after start; %s", got, msg)
			require.Equal(t, d, c.Elapsed(s, got, pauses...), "Elapsed(Add) = %s; %s", got, msg)
			require.True(t, c.IsOpen(got.Add(-time.Nanosecond)), "closed before Add = %s; %s", got, msg)
			if minute && d <= 2*c.weekly && i%8 == 0 {
				want := newRef(c, loc).add(s, d, pauses)
				require.True(t, want.Equal(got), "Add = %s, reference %s; %s", got, want, msg)
			}
		})
	}
}

package slo

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fuzzCalendars are the calendars the arithmetic fuzz targets pick from:
// business hours, spans ending at 24:00, lunch breaks, spans over the hours
// clocks change in zones with 1h and 30m changes, an account zone and 24x7.
var fuzzCalendars = sync.OnceValue(func() []*Calendar {
	specs := []struct{ name, zone, days, spans string }{
		{"ny-biz", "America/New_York", "mon-fri", "09:00-17:00"},
		{"paris-lunch", "Europe/Paris", "mon-fri", "08:00-12:00, 13:00-17:00"},
		{"ny-night", "America/New_York", "daily", "01:30-03:00"},
		{"sydney-night", "Australia/Sydney", "daily", "00:00-02:30, 02:45-03:00"},
		{"lord-howe", "Australia/Lord_Howe", "sat-mon", "01:45-02:15"},
		{"santiago", "America/Santiago", "daily", "23:00-24:00, 00:00-00:30"},
		{"account", "account", "tue,thu", "10:00-11:00"},
	}
	out := []*Calendar{AlwaysOpen()}
	for _, s := range specs {
		spec := CalendarSpec{Name: s.name, Zone: s.zone, Holidays: []string{"us", "fr"}, Closed: []Date{{2026, 12, 24}}}
		days, err := ParseDays(s.days)
		if err != nil {
			panic(err)
		}
		spans, err := ParseSpans(s.spans)
		if err != nil {
			panic(err)
		}
		for _, d := range days {
			spec.Week[d] = spans
		}
		c, err := NewCalendar(spec)
		if err != nil {
			panic(err)
		}
		out = append(out, c)
	}
	// The 24x5 week.
	c, err := NewCalendar(CalendarSpec{Name: "looker", Zone: "America/Los_Angeles", Holidays: []string{"us", "gb"},
		Week: Week{{{17 * time.Hour, 24 * time.Hour}}, {{0, 24 * time.Hour}}, {{0, 24 * time.Hour}},
			{{0, 24 * time.Hour}}, {{0, 24 * time.Hour}}, {{0, 17 * time.Hour}}}})
	if err != nil {
		panic(err)
	}
	return append(out, c)
})

var fuzzZones = sync.OnceValue(func() []*time.Location {
	var out []*time.Location
	for _, n := range []string{"UTC", "Asia/Tokyo", "America/Chicago", "Europe/London", "Australia/Adelaide"} {
		loc, err := time.LoadLocation(n)
		if err != nil {
			panic(err)
		}
		out = append(out, loc)
	}
	return out
})

// fuzzInputs maps raw fuzz values to a calendar, a start instant in years
// 1700-2300 and a duration worth at most about 20 years of the calendar's
// open time.
func fuzzInputs(which uint8, sec int64, nsec uint32, d int64) (*Calendar, time.Time, time.Duration) {
	cals := fuzzCalendars()
	c := cals[int(which)%len(cals)]
	zones := fuzzZones()
	loc := zones[int(which/16)%len(zones)]
	const from, span = -8_520_000_000, 18_900_000_000 // 1700 to 2300
	s := time.Unix(from+floorMod(sec, span), int64(nsec%1e9)).In(loc)
	limit := int64(20 * 365 * 24 * time.Hour)
	if !c.always {
		limit = int64(c.weekly) * 52 * 20
	}
	return c, s, time.Duration(floorMod(d, limit+1))
}

func FuzzAddElapsedInverse(f *testing.F) {
	f.Add(uint8(1), int64(1780909200), uint32(0), int64(8*time.Hour), int64(0), int64(0))
	f.Add(uint8(3), int64(1793426400), uint32(0), int64(time.Hour), int64(3600e9), int64(1800e9))
	f.Add(uint8(8), int64(1781000000), uint32(5), int64(120*time.Hour), int64(-1), int64(86400e9))
	f.Add(uint8(5), int64(1775318400), uint32(999999999), int64(7*time.Hour), int64(7200e9), int64(60e9))
	f.Fuzz(func(t *testing.T, which uint8, sec int64, nsec uint32, d int64, pauseAt, pauseLen int64) {
		c, s, dur := fuzzInputs(which, sec, nsec, d)
		got := c.Add(s, dur)
		require.False(t, got.Before(s), "Add(%s, %s) = %s before start on %s", s, dur, got, c.Name())
		require.Equal(t, dur, c.Elapsed(s, got), "Elapsed(%s, Add(%s)) on %s", s, dur, c.Name())
		require.True(t, c.IsOpen(c.Next(s)), "closed at Next(%s) on %s", s, c.Name())
		p := Interval{Start: s.Add(time.Duration(floorMod(pauseAt, int64(30*24*time.Hour)) - int64(24*time.Hour)))}
		p.End = p.Start.Add(time.Duration(floorMod(pauseLen, int64(10*24*time.Hour))))
		gotP := c.Add(s, dur, p)
		require.False(t, gotP.Before(got), "a pause made Add earlier on %s", c.Name())
		require.Equal(t, dur, c.Elapsed(s, gotP, p), "Elapsed(%s, Add(%s, pause %v)) on %s", s, dur, p, c.Name())
	})
}

func FuzzAddMonotonic(f *testing.F) {
	f.Add(uint8(0), int64(1780909200), uint32(0), int64(0), int64(time.Hour), int64(8*time.Hour))
	f.Add(uint8(3), int64(1793426400), uint32(0), int64(1800e9), int64(time.Hour), int64(time.Minute))
	f.Add(uint8(6), int64(1775318400), uint32(1), int64(3600e9), int64(2*time.Hour), int64(90*time.Minute))
	f.Fuzz(func(t *testing.T, which uint8, sec int64, nsec uint32, delta, d1, d2 int64) {
		c, s1, a := fuzzInputs(which, sec, nsec, d1)
		_, _, b := fuzzInputs(which, sec, nsec, d2)
		if a > b {
			a, b = b, a
		}
		s2 := s1.Add(time.Duration(floorMod(delta, int64(60*24*time.Hour))))
		require.False(t, c.Add(s1, b).Before(c.Add(s1, a)), "not monotonic in d on %s: %s %s %s", c.Name(), s1, a, b)
		require.False(t, c.Add(s2, a).Before(c.Add(s1, a)), "not monotonic in start on %s: %s %s %s", c.Name(), s1, s2, a)
		require.False(t, c.Next(s2).Before(c.Next(s1)), "Next not monotonic on %s: %s %s", c.Name(), s1, s2)
	})
}

func FuzzNewCalendar(f *testing.F) {
	f.Add("America/New_York", "mon-fri", "09:00-17:00", "sat", "10:00-12:00", "us", "2026-12-24")
	f.Add("account", "sun", "17:00-24:00", "mon-thu", "00:00-24:00", "us,gb", "")
	f.Add("Europe/Paris", "daily", "08:00-12:00, 13:00-17:00", "fri-mon", "closed", "fr", "2028-02-29,2026-01-02")
	f.Add("Mars/Base", "mon", "17:00-09:00", "tue", "25:00-26:00", "xx", "2026-02-30")
	f.Add("", "sat", "00:00-00:01", "", "", "", "")
	f.Fuzz(func(t *testing.T, zone, days1, spans1, days2, spans2, holidays, closed string) {
		spec := CalendarSpec{Name: "fuzz", Zone: zone}
		for _, p := range [][2]string{{days1, spans1}, {days2, spans2}} {
			days, err := ParseDays(p[0])
			if err != nil {
				require.ErrorIs(t, err, ErrDays)
				continue
			}
			spans, err := ParseSpans(p[1])
			if err != nil {
				require.ErrorIs(t, err, ErrSpans)
				continue
			}
			for _, d := range days {
				spec.Week[d] = append(spec.Week[d], spans...)
			}
		}
		if holidays != "" {
			spec.Holidays = strings.Split(holidays, ",")
		}
		if closed != "" {
			for _, s := range strings.Split(closed, ",") {
				d, err := ParseDate(s)
				if err != nil {
					require.ErrorIs(t, err, ErrDate)
					d = Date{Year: 2026, Month: 13, Day: 1}
				}
				spec.Closed = append(spec.Closed, d)
			}
		}
		c, err := NewCalendar(spec)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidCalendar)
			require.Nil(t, c)
			return
		}
		again, err := NewCalendar(c.Spec())
		require.NoError(t, err)
		require.Equal(t, c.Spec(), again.Spec())
		start := time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC)
		for _, d := range []time.Duration{0, time.Minute, 8 * time.Hour, 40 * time.Hour} {
			got := c.Add(start, d)
			require.Equal(t, d, c.Elapsed(start, got))
		}
		require.True(t, c.IsOpen(c.Next(start)))
	})
}

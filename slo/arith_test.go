package slo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	require.NoError(t, err)
	return v
}

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// testCalendars builds the calendars the scenario tests share.
func testCalendars(t testing.TB) map[string]*Calendar {
	t.Helper()
	cals := map[string]*Calendar{
		"24x7": AlwaysOpen(),
		"ny-biz": mustCalendar(t, CalendarSpec{Name: "ny-biz", Zone: "America/New_York",
			Week: weekOf(t, "mon-fri", "09:00-17:00"), Holidays: []string{"us"}}),
		"ny-biz-leap": mustCalendar(t, CalendarSpec{Name: "ny-biz-leap", Zone: "America/New_York",
			Week: weekOf(t, "mon-fri", "09:00-17:00"), Holidays: []string{"us"}, Closed: []Date{{2028, 2, 29}}}),
		"ny-daily-us": mustCalendar(t, CalendarSpec{Name: "ny-daily-us", Zone: "America/New_York",
			Week: weekOf(t, "daily", "09:00-17:00"), Holidays: []string{"us"}}),
		"account-biz": mustCalendar(t, CalendarSpec{Name: "account-biz", Zone: "account",
			Week: weekOf(t, "mon-fri", "09:00-17:00")}),
		"paris-lunch": mustCalendar(t, CalendarSpec{Name: "paris-lunch", Zone: "Europe/Paris",
			Week: weekOf(t, "mon-fri", "08:00-12:00, 13:00-17:00"), Holidays: []string{"fr"}}),
	}
	for _, z := range []struct{ key, zone, night string }{
		{"ny", "America/New_York", "01:30-03:00"},
		{"paris", "Europe/Paris", "01:30-03:30"},
		{"sydney", "Australia/Sydney", "01:30-03:30"},
	} {
		cals[z.key+"-all"] = mustCalendar(t, CalendarSpec{Name: z.key + "-all", Zone: z.zone, Week: weekOf(t, "daily", "00:00-24:00")})
		cals[z.key+"-night"] = mustCalendar(t, CalendarSpec{Name: z.key + "-night", Zone: z.zone, Week: weekOf(t, "daily", z.night)})
	}
	cals["ny-early"] = mustCalendar(t, CalendarSpec{Name: "ny-early", Zone: "America/New_York", Week: weekOf(t, "daily", "00:00-01:30")})
	looker := weekOf(t, "mon-thu", "00:00-24:00")
	looker[time.Sunday] = []Span{{hm(17, 0), hm(24, 0)}}
	looker[time.Friday] = []Span{{0, hm(17, 0)}}
	cals["looker"] = mustCalendar(t, CalendarSpec{Name: "looker-24x5", Zone: "America/Los_Angeles", Week: looker, Holidays: []string{"us", "gb"}})
	return cals
}

func TestAdd(t *testing.T) {
	cals := testCalendars(t)
	h, m := time.Hour, time.Minute
	tests := []struct {
		name, cal, start string
		d                time.Duration
		want             string
	}{
		// Boundaries.
		{"start at opening", "ny-biz", "2026-06-08T09:00:00-04:00", h, "2026-06-08T10:00:00-04:00"},
		{"whole day ends at closing", "ny-biz", "2026-06-08T09:00:00-04:00", 8 * h, "2026-06-08T17:00:00-04:00"},
		{"start at closing", "ny-biz", "2026-06-08T17:00:00-04:00", h, "2026-06-09T10:00:00-04:00"},
		{"start before opening", "ny-biz", "2026-06-08T06:00:00-04:00", h, "2026-06-08T10:00:00-04:00"},
		{"start on saturday", "ny-biz", "2026-06-13T10:00:00-04:00", h, "2026-06-15T10:00:00-04:00"},
		{"one nanosecond before opening", "ny-biz", "2026-06-08T08:59:59.999999999-04:00", time.Second, "2026-06-08T09:00:01-04:00"},
		{"zero at closing is next opening", "ny-biz", "2026-06-08T17:00:00-04:00", 0, "2026-06-09T09:00:00-04:00"},
		{"zero while open is start", "ny-biz", "2026-06-08T12:00:00-04:00", 0, "2026-06-08T12:00:00-04:00"},
		{"negative is like zero", "ny-biz", "2026-06-13T12:00:00-04:00", -h, "2026-06-15T09:00:00-04:00"},
		{"fractional", "ny-biz", "2026-06-08T16:59:59.5-04:00", time.Second, "2026-06-09T09:00:00.5-04:00"},
		{"week", "ny-biz", "2026-06-08T09:00:00-04:00", 40 * h, "2026-06-12T17:00:00-04:00"},
		{"2000h is a year", "ny-biz", "2026-07-02T16:00:00-04:00", 2000 * h, "2027-07-02T16:00:00-04:00"},
		{"lunch break skipped", "paris-lunch", "2026-03-31T11:00:00+02:00", 2 * h, "2026-03-31T14:00:00+02:00"},
		{"start in lunch break", "paris-lunch", "2026-03-31T12:15:00+02:00", 30 * m, "2026-03-31T13:30:00+02:00"},

		// Holidays on weekends and year ends.
		{"us july 4 on saturday closes friday", "ny-biz", "2026-07-02T16:00:00-04:00", 2 * h, "2026-07-06T10:00:00-04:00"},
		{"us july 4 closes saturday on a daily calendar", "ny-daily-us", "2026-07-02T16:00:00-04:00", 2 * h, "2026-07-05T10:00:00-04:00"},
		{"new year", "ny-biz", "2026-12-31T16:00:00-05:00", 2 * h, "2027-01-04T10:00:00-05:00"},
		{"new year 2028 observed on friday 2027-12-31", "ny-biz", "2027-12-30T16:00:00-05:00", 2 * h, "2028-01-03T10:00:00-05:00"},
		{"leap day is a working day", "ny-biz", "2028-02-28T16:00:00-05:00", 2 * h, "2028-02-29T10:00:00-05:00"},
		{"leap day closed", "ny-biz-leap", "2028-02-28T16:00:00-05:00", 2 * h, "2028-03-01T10:00:00-05:00"},
		{"leap day 24x7", "24x7", "2028-02-28T12:00:00Z", 48 * h, "2028-03-01T12:00:00Z"},

		// DST on business hours.
		{"ny spring forward weekend", "ny-biz", "2026-03-06T16:00:00-05:00", 2 * h, "2026-03-09T10:00:00-04:00"},
		{"ny fall back weekend", "ny-biz", "2026-10-30T16:00:00-04:00", 2 * h, "2026-11-02T10:00:00-05:00"},
		{"paris spring forward weekend", "paris-lunch", "2026-03-27T16:00:00+01:00", 2 * h, "2026-03-30T09:00:00+02:00"},
		{"paris fall back weekend", "paris-lunch", "2026-10-23T16:00:00+02:00", 2 * h, "2026-10-26T09:00:00+01:00"},

		// DST on a 00:00-24:00 week: real elapsed time.
		{"ny spring day is 23h", "ny-all", "2026-03-08T00:00:00-05:00", 23 * h, "2026-03-09T00:00:00-04:00"},
		{"ny fall day is 25h", "ny-all", "2026-11-01T00:00:00-04:00", 25 * h, "2026-11-02T00:00:00-05:00"},
		{"paris spring day", "paris-all", "2026-03-29T00:00:00+01:00", 23 * h, "2026-03-30T00:00:00+02:00"},
		{"paris fall day", "paris-all", "2026-10-25T00:00:00+02:00", 25 * h, "2026-10-26T00:00:00+01:00"},
		{"sydney fall day", "sydney-all", "2026-04-05T00:00:00+11:00", 25 * h, "2026-04-06T00:00:00+10:00"},
		{"sydney spring day", "sydney-all", "2026-10-04T00:00:00+10:00", 23 * h, "2026-10-05T00:00:00+11:00"},

		// DST inside a span.
		{"ny gap: 01:30-03:00 is 30m", "ny-night", "2026-03-08T00:00:00-05:00", 30 * m, "2026-03-08T03:00:00-04:00"},
		{"ny gap: next night", "ny-night", "2026-03-08T00:00:00-05:00", 31 * m, "2026-03-09T01:31:00-04:00"},
		{"ny overlap: repeated hour open", "ny-night", "2026-11-01T00:00:00-04:00", h, "2026-11-01T01:30:00-05:00"},
		{"ny overlap: 01:30-03:00 is 2h30m", "ny-night", "2026-11-01T00:00:00-04:00", 150 * m, "2026-11-01T03:00:00-05:00"},
		{"ny overlap: span ends at first 01:30", "ny-early", "2026-11-01T00:00:00-04:00", 90 * m, "2026-11-01T01:30:00-04:00"},
		{"ny overlap: then next day", "ny-early", "2026-11-01T00:00:00-04:00", 91 * m, "2026-11-02T00:01:00-05:00"},
		{"paris gap", "paris-night", "2026-03-29T00:00:00+01:00", h, "2026-03-29T03:30:00+02:00"},
		{"paris overlap", "paris-night", "2026-10-25T00:00:00+02:00", 3 * h, "2026-10-25T03:30:00+01:00"},
		{"paris overlap: stand-still at 03:00", "paris-night", "2026-10-25T00:00:00+02:00", 2 * h, "2026-10-25T02:30:00+01:00"},
		{"sydney overlap", "sydney-night", "2026-04-05T00:00:00+11:00", 3 * h, "2026-04-05T03:30:00+10:00"},
		{"sydney gap", "sydney-night", "2026-10-04T00:00:00+10:00", h, "2026-10-04T03:30:00+11:00"},
		{"start inside the gap's stand-still", "ny-night", "2026-11-01T01:15:00-05:00", 30 * m, "2026-11-01T01:45:00-05:00"},

		// 24x5 with spans ending at 24:00.
		{"24x5 thursday night to friday", "looker", "2026-06-11T23:00:00-07:00", 2 * h, "2026-06-12T01:00:00-07:00"},
		{"24x5 friday to sunday evening", "looker", "2026-06-12T16:00:00-07:00", 2 * h, "2026-06-14T18:00:00-07:00"},
		{"24x5 start at sunday opening", "looker", "2026-06-07T17:00:00-07:00", 120 * h, "2026-06-12T17:00:00-07:00"},
		{"24x5 juneteenth friday", "looker", "2026-06-14T17:00:00-07:00", 120 * h, "2026-06-22T10:00:00-07:00"},
		{"24x5 christmas and gb boxing day observed", "looker", "2026-12-24T23:00:00-08:00", 2 * h, "2026-12-27T18:00:00-08:00"},
		{"24x5 boxing day observed monday", "looker", "2026-12-27T17:00:00-08:00", 8 * h, "2026-12-29T01:00:00-08:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cals[tt.cal]
			require.NotNil(t, c, tt.cal)
			start := mustTime(t, tt.start)
			want := mustTime(t, tt.want)
			got := c.Add(start, tt.d)
			assert.True(t, want.Equal(got), "Add(%s, %s) = %s, want %s", start, tt.d, got, want)
			assert.Equal(t, start.Location(), got.Location())
			assert.Equal(t, max(tt.d, 0), c.Elapsed(start, got), "Elapsed")
		})
	}
}

func TestElapsed(t *testing.T) {
	cals := testCalendars(t)
	h, m := time.Hour, time.Minute
	tests := []struct {
		name, cal, start, end string
		want                  time.Duration
	}{
		{"same instant", "ny-biz", "2026-06-08T10:00:00-04:00", "2026-06-08T10:00:00-04:00", 0},
		{"reversed is negative", "ny-biz", "2026-06-09T10:00:00-04:00", "2026-06-08T09:00:00-04:00", -9 * h},
		{"february 2028", "ny-biz", "2028-02-01T00:00:00-05:00", "2028-03-01T00:00:00-05:00", 20 * 8 * h},
		{"closed week", "ny-biz", "2026-06-13T00:00:00-04:00", "2026-06-15T00:00:00-04:00", 0},
		{"24x5 week", "looker", "2026-06-07T00:00:00-07:00", "2026-06-13T00:00:00-07:00", 120 * h},
		{"24x5 spring forward week", "looker", "2026-03-08T00:00:00-08:00", "2026-03-14T00:00:00-08:00", 120 * h},
		{"ny night spring", "ny-night", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 30 * m},
		{"ny night fall", "ny-night", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 150 * m},
		{"paris night spring", "paris-night", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", h},
		{"paris night fall", "paris-night", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 3 * h},
		{"sydney night fall", "sydney-night", "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:00", 3 * h},
		{"sydney night spring", "sydney-night", "2026-10-04T00:00:00+10:00", "2026-10-05T00:00:00+11:00", h},
		{"24x7 dst day", "24x7", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23 * h},
		{"ny year", "ny-biz", "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", (261 - 11) * 8 * h},
		{"ny all year is real time", "ny-all", "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00", 365 * 24 * h},
		{"leap year end past the zone's last transition", "ny-biz", "2040-12-28T10:00:00-05:00", "2041-01-03T10:00:00-05:00", 24 * h},
		{"distant past", "ny-biz", "1850-01-07T00:00:00-04:56", "1850-01-14T00:00:00-04:56", 40 * h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cals[tt.cal]
			require.NotNil(t, c, tt.cal)
			assert.Equal(t, tt.want, c.Elapsed(mustTime(t, tt.start), mustTime(t, tt.end)))
		})
	}
	t.Run("saturates", func(t *testing.T) {
		a := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
		b := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
		assert.Equal(t, time.Duration(math.MaxInt64), cals["ny-biz"].Elapsed(a, b))
		assert.Equal(t, time.Duration(math.MaxInt64), AlwaysOpen().Elapsed(a, b))
	})
}

func TestAccountZone(t *testing.T) {
	cals := testCalendars(t)
	c := cals["account-biz"]
	tokyo := mustLoc(t, "Asia/Tokyo")
	t.Run("reads the start's zone", func(t *testing.T) {
		start := time.Date(2026, 6, 8, 9, 0, 0, 0, tokyo)
		got := c.Add(start, 8*time.Hour)
		assert.Equal(t, time.Date(2026, 6, 8, 17, 0, 0, 0, tokyo), got)
		assert.Equal(t, tokyo, got.Location())
		assert.True(t, c.IsOpen(start))
	})
	t.Run("same instant in UTC", func(t *testing.T) {
		start := time.Date(2026, 6, 8, 0, 0, 0, 0, time.UTC) // 09:00 in Tokyo
		got := c.Add(start, 8*time.Hour)
		assert.Equal(t, time.Date(2026, 6, 8, 17, 0, 0, 0, time.UTC), got)
		assert.False(t, c.IsOpen(start))
		assert.Equal(t, time.Date(2026, 6, 8, 9, 0, 0, 0, time.UTC), c.Next(start))
	})
	t.Run("end read in the start's zone", func(t *testing.T) {
		start := time.Date(2026, 6, 8, 9, 0, 0, 0, tokyo)
		end := time.Date(2026, 6, 8, 8, 0, 0, 0, time.UTC) // 17:00 in Tokyo
		assert.Equal(t, 8*time.Hour, c.Elapsed(start, end))
	})
	t.Run("fixed zone keeps the start's location", func(t *testing.T) {
		start := time.Date(2026, 6, 8, 13, 0, 0, 0, time.UTC) // 09:00 New York
		got := cals["ny-biz"].Add(start, time.Hour)
		assert.Equal(t, time.UTC, got.Location())
		assert.Equal(t, time.Date(2026, 6, 8, 14, 0, 0, 0, time.UTC), got)
	})
}

func TestIsOpenNext(t *testing.T) {
	cals := testCalendars(t)
	tests := []struct {
		name, cal, at string
		open          bool
		next          string
	}{
		{"opening", "ny-biz", "2026-06-08T09:00:00-04:00", true, "2026-06-08T09:00:00-04:00"},
		{"just before opening", "ny-biz", "2026-06-08T08:59:59.999999999-04:00", false, "2026-06-08T09:00:00-04:00"},
		{"closing", "ny-biz", "2026-06-08T17:00:00-04:00", false, "2026-06-09T09:00:00-04:00"},
		{"friday closing", "ny-biz", "2026-06-12T17:00:00-04:00", false, "2026-06-15T09:00:00-04:00"},
		{"holiday", "ny-biz", "2026-07-03T10:00:00-04:00", false, "2026-07-06T09:00:00-04:00"},
		{"24:00 joins 00:00", "looker", "2026-06-09T00:00:00-07:00", true, "2026-06-09T00:00:00-07:00"},
		{"24x5 saturday", "looker", "2026-06-13T12:00:00-07:00", false, "2026-06-14T17:00:00-07:00"},
		{"in the gap's wake", "ny-night", "2026-03-08T07:00:00Z", false, "2026-03-09T01:30:00-04:00"},
		{"repeated hour", "ny-night", "2026-11-01T06:30:00Z", true, "2026-11-01T06:30:00Z"},
		{"repeated hour, span ended", "ny-early", "2026-11-01T06:30:00Z", false, "2026-11-02T00:00:00-05:00"},
		{"always", "24x7", "2026-06-13T12:00:00Z", true, "2026-06-13T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cals[tt.cal]
			at := mustTime(t, tt.at)
			assert.Equal(t, tt.open, c.IsOpen(at))
			got := c.Next(at)
			assert.True(t, mustTime(t, tt.next).Equal(got), "Next = %s", got)
			assert.Equal(t, at.Location(), got.Location())
		})
	}
}

func TestPauses(t *testing.T) {
	cals := testCalendars(t)
	c := cals["ny-biz"]
	ny := c.Location()
	at := func(day, h, m int) time.Time { return time.Date(2026, 6, day, h, m, 0, 0, ny) }
	iv := func(a, b time.Time) Interval { return Interval{a, b} }
	tests := []struct {
		name   string
		cal    *Calendar
		start  time.Time
		d      time.Duration
		pauses []Interval
		want   time.Time
	}{
		{"one pause", c, at(8, 9, 0), 8 * time.Hour, []Interval{iv(at(8, 10, 0), at(8, 11, 0))}, at(9, 10, 0)},
		{"overlapping unsorted", c, at(8, 9, 0), 4 * time.Hour,
			[]Interval{iv(at(8, 12, 0), at(8, 13, 0)), iv(at(8, 10, 0), at(8, 11, 0)), iv(at(8, 10, 30), at(8, 12, 30))}, at(8, 16, 0)},
		{"touching", c, at(8, 9, 0), 2 * time.Hour,
			[]Interval{iv(at(8, 10, 0), at(8, 11, 0)), iv(at(8, 11, 0), at(8, 12, 0))}, at(8, 13, 0)},
		{"pause over start", c, at(8, 9, 0), time.Hour, []Interval{iv(at(8, 8, 0), at(8, 10, 0))}, at(8, 11, 0)},
		{"pause over start, zero", c, at(8, 9, 0), 0, []Interval{iv(at(8, 8, 0), at(8, 10, 0))}, at(8, 10, 0)},
		{"pause to closing, zero", c, at(8, 9, 0), 0, []Interval{iv(at(8, 8, 0), at(8, 17, 0))}, at(9, 9, 0)},
		{"pause ends exactly at deadline", c, at(8, 9, 0), time.Hour, []Interval{iv(at(8, 10, 0), at(8, 11, 0))}, at(8, 10, 0)},
		{"inverted and empty ignored", c, at(8, 9, 0), time.Hour,
			[]Interval{iv(at(8, 11, 0), at(8, 10, 0)), iv(at(8, 9, 30), at(8, 9, 30))}, at(8, 10, 0)},
		{"pause while closed", c, at(8, 16, 0), 2 * time.Hour, []Interval{iv(at(8, 18, 0), at(9, 8, 0))}, at(9, 10, 0)},
		{"pause before start", c, at(8, 9, 0), time.Hour, []Interval{iv(at(1, 0, 0), at(8, 9, 0))}, at(8, 10, 0)},
		{"24x7", AlwaysOpen(), at(8, 9, 0), time.Hour, []Interval{iv(at(8, 9, 15), at(8, 9, 45))}, at(8, 10, 30)},
		{"many pauses", c, at(8, 9, 0), 2 * time.Hour, func() []Interval {
			var ps []Interval
			for i := range 12 {
				ps = append(ps, iv(at(8, 9, 5*i), at(8, 9, 5*i+1)))
			}
			return ps
		}(), at(8, 11, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.Add(tt.start, tt.d, tt.pauses...)
			assert.True(t, tt.want.Equal(got), "Add = %s, want %s", got, tt.want)
			assert.Equal(t, max(tt.d, 0), tt.cal.Elapsed(tt.start, got, tt.pauses...))
		})
	}
	t.Run("elapsed reversed with pause", func(t *testing.T) {
		p := iv(at(8, 10, 0), at(8, 11, 0))
		assert.Equal(t, -7*time.Hour, c.Elapsed(at(8, 17, 0), at(8, 9, 0), p))
	})
}

func TestAllocs(t *testing.T) {
	cals := testCalendars(t)
	tokyo := mustLoc(t, "Asia/Tokyo")
	start := time.Date(2026, 6, 8, 16, 0, 0, 0, cals["ny-biz"].Location())
	pauses := []Interval{{start.Add(time.Hour), start.Add(20 * time.Hour)}, {start.Add(-time.Hour), start.Add(time.Minute)}}
	for _, name := range []string{"ny-biz", "looker", "paris-lunch", "ny-night", "account-biz", "24x7"} {
		c := cals[name]
		s := start
		if name == "account-biz" {
			s = s.In(tokyo)
		}
		t.Run(name, func(t *testing.T) {
			var sink time.Time
			var dsink time.Duration
			for _, d := range []time.Duration{time.Hour, 8 * time.Hour, 2000 * time.Hour} {
				assert.Zero(t, testing.AllocsPerRun(100, func() { sink = c.Add(s, d) }), "Add %s", d)
				assert.Zero(t, testing.AllocsPerRun(100, func() { sink = c.Add(s, d, pauses...) }), "Add %s with pauses", d)
				end := sink
				assert.Zero(t, testing.AllocsPerRun(100, func() { dsink = c.Elapsed(s, end) }), "Elapsed %s", d)
				assert.Zero(t, testing.AllocsPerRun(100, func() { dsink = c.Elapsed(s, end, pauses...) }), "Elapsed %s with pauses", d)
			}
			assert.Zero(t, testing.AllocsPerRun(100, func() { sink = c.Next(s) }), "Next")
			assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.IsOpen(s) }), "IsOpen")
			_, _ = sink, dsink
		})
	}
}

func ExampleCalendar_Add() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	var week Week
	hours, _ := ParseSpans("09:00-17:00")
	for d := time.Monday; d <= time.Friday; d++ {
		week[d] = hours
	}
	business, err := NewCalendar(CalendarSpec{Name: "business", Zone: "America/New_York", Week: week, Holidays: []string{"us"}})
	if err != nil {
		panic(err)
	}
	// Thursday 16:00 before Independence Day 2026 (a Saturday, observed on Friday).
	opened := time.Date(2026, 7, 2, 16, 0, 0, 0, ny)
	due := business.Add(opened, 8*time.Hour)
	fmt.Println(due.Format("Mon 2006-01-02 15:04 MST"))
	fmt.Println(business.Elapsed(opened, due))
	// The clock stops while waiting on the customer.
	waiting := Interval{Start: time.Date(2026, 7, 6, 10, 0, 0, 0, ny), End: time.Date(2026, 7, 7, 10, 0, 0, 0, ny)}
	fmt.Println(business.Add(opened, 8*time.Hour, waiting).Format("Mon 2006-01-02 15:04 MST"))
	// Output:
	// Mon 2026-07-06 16:00 EDT
	// 8h0m0s
	// Tue 2026-07-07 16:00 EDT
}

// refCal is a brute-force model of a calendar: it steps minute by minute
// and reads each minute's wall clock, taking the running maximum of the
// readings so that a repeated hour stands still (see arith.go).
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

func TestAgainstReference(t *testing.T) {
	zones := []string{"America/New_York", "Europe/Paris", "Australia/Sydney", "Australia/Lord_Howe",
		"America/Sao_Paulo", "America/Havana", "America/Santiago", "Asia/Kathmandu", "UTC", "account"}
	r := rand.New(rand.NewPCG(7, 11))
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := range n {
		zone := zones[i%len(zones)]
		loc, s := randomStart(t, r, zone, []string{"Europe/London", "America/Chicago"}, 4)
		c := randomCalendar(t, r, zone, s)
		ref := newRef(c, loc)
		var pauses []Interval
		for range r.IntN(3) {
			ps := s.Add(time.Duration(r.IntN(5*24*60)-60) * time.Minute)
			pauses = append(pauses, Interval{ps, ps.Add(time.Duration(r.IntN(24*60)) * time.Minute)})
		}
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
	n := 2000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		zone := zones[i%len(zones)]
		loc, s := randomStart(t, r, zone, []string{"Asia/Tokyo", "Europe/London"}, 2)
		minute := r.IntN(4) != 0 // whole minutes, for the reference
		if !minute {
			s = s.Add(time.Duration(r.Int64N(int64(time.Minute))))
		}
		c := randomCalendar(t, r, zone, s)
		var pauses []Interval
		for range []int{0, 1, 2, 12}[r.IntN(4)] {
			ps := s.Add(time.Duration(r.IntN(5*24*60)-60) * time.Minute)
			pauses = append(pauses, Interval{ps, ps.Add(time.Duration(r.IntN(24*60)) * time.Minute)})
		}
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

// TestManyPauses checks that 100,000 pauses given from the last to the
// first give the same answers as the same pauses sorted.
func TestManyPauses(t *testing.T) {
	cals := testCalendars(t)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, cals["ny-biz"].Location())
	desc := descendingPauses(start, 100_000)
	asc := slices.Clone(desc)
	slices.Reverse(asc)
	for _, name := range []string{"ny-biz", "ny-night"} {
		c := cals[name]
		t.Run(name, func(t *testing.T) {
			const d = 2000 * time.Hour
			want := c.Add(start, d, asc...)
			got := c.Add(start, d, desc...)
			assert.True(t, want.Equal(got), "Add = %s, sorted %s", got, want)
			assert.True(t, got.After(c.Add(start, d)), "the pauses delay Add")
			assert.Equal(t, d, c.Elapsed(start, got, desc...), "Elapsed")
			st := c.Status(start, d, start.Add(100*time.Hour), desc...)
			assert.True(t, got.Equal(st.Due), "Status.Due")
			assert.Equal(t, c.Elapsed(start, start.Add(100*time.Hour), asc...), st.Elapsed, "Status.Elapsed")
		})
	}
}

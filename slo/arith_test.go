package slo

import (
	"fmt"
	"math"
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

// addCase is a case of Calendar.Add on one of testCalendars.
type addCase struct {
	name, cal, start string
	d                time.Duration
	want             string
}

// checkAdd runs the cases, checking Add's answer, its location, and that
// Elapsed inverts it.
func checkAdd(t *testing.T, tests []addCase) {
	cals := testCalendars(t)
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

func TestAdd(t *testing.T) {
	h, m := time.Hour, time.Minute
	checkAdd(t, []addCase{
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

		// 24x5 with spans ending at 24:00.
		{"24x5 thursday night to friday", "looker", "2026-06-11T23:00:00-07:00", 2 * h, "2026-06-12T01:00:00-07:00"},
		{"24x5 friday to sunday evening", "looker", "2026-06-12T16:00:00-07:00", 2 * h, "2026-06-14T18:00:00-07:00"},
		{"24x5 start at sunday opening", "looker", "2026-06-07T17:00:00-07:00", 120 * h, "2026-06-12T17:00:00-07:00"},
		{"24x5 juneteenth friday", "looker", "2026-06-14T17:00:00-07:00", 120 * h, "2026-06-22T10:00:00-07:00"},
		{"24x5 christmas and gb boxing day observed", "looker", "2026-12-24T23:00:00-08:00", 2 * h, "2026-12-27T18:00:00-08:00"},
		{"24x5 boxing day observed monday", "looker", "2026-12-27T17:00:00-08:00", 8 * h, "2026-12-29T01:00:00-08:00"},
	})
}

// TestAddDST covers clock changes between and inside opening hours.
func TestAddDST(t *testing.T) {
	h, m := time.Hour, time.Minute
	checkAdd(t, []addCase{
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
	})
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
			st, err := c.Status(start, d, start.Add(100*time.Hour), desc...)
			require.NoError(t, err)
			assert.True(t, got.Equal(st.Due), "Status.Due")
			assert.Equal(t, c.Elapsed(start, start.Add(100*time.Hour), asc...), st.Elapsed, "Status.Elapsed")
		})
	}
}

// TestDurationOverflow: an open time, a difference or a sum that does not
// fit in a time.Duration is refused with ErrDurationOverflow, never capped
// at 2562047h47m16.854775807s; the largest Duration itself is exact.
func TestDurationOverflow(t *testing.T) {
	biz := mustCalendar(t, CalendarSpec{Name: "biz", Zone: "UTC", Week: weekOf(t, "mon-fri", "09:00-17:00")})
	monday := time.Date(2026, 3, 2, 22, 0, 0, 0, time.UTC)
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	pause := Interval{Start: monday.Add(24 * time.Hour), End: monday.Add(32 * time.Hour)}
	elapsed := []struct {
		name       string
		cal        *Calendar
		start, end time.Time
		pauses     []Interval
		want       time.Duration // when it fits
		overflow   bool
	}{
		{"24x7 to year 9999", AlwaysOpen(), monday, far, nil, 0, true},
		{"24x7 back from year 9999", AlwaysOpen(), far, monday, nil, 0, true},
		{"business hours to year 9999", biz, monday, far, nil, 0, true},
		{"exactly the largest duration", biz, monday, biz.Add(monday, math.MaxInt64), nil, math.MaxInt64, false},
		{"back by exactly the largest duration", biz, biz.Add(monday, math.MaxInt64), monday, nil, -math.MaxInt64, false},
		{"a nanosecond of open time more", biz, monday, biz.Add(monday, math.MaxInt64).Add(time.Nanosecond), nil, 0, true},
		{"the largest duration with a pause", biz, monday, biz.Add(monday, math.MaxInt64, pause), []Interval{pause}, math.MaxInt64, false},
		{"past it with a pause", biz, monday, far, []Interval{pause}, 0, true},
		{"a week", biz, monday, monday.Add(7 * 24 * time.Hour), nil, 40 * time.Hour, false},
	}
	for _, tt := range elapsed {
		t.Run("elapsed/"+tt.name, func(t *testing.T) {
			got, err := tt.cal.ElapsedChecked(tt.start, tt.end, tt.pauses...)
			if !tt.overflow {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
				return
			}
			require.ErrorIs(t, err, ErrDurationOverflow)
			assert.Contains(t, err.Error(), "longer than a time.Duration holds")
			assert.Zero(t, got)
		})
	}
	t.Run("status at a far now", func(t *testing.T) {
		_, err := AlwaysOpen().Status(monday, time.Hour, far)
		require.ErrorIs(t, err, ErrDurationOverflow)
		_, err = biz.Status(monday, time.Hour, far)
		require.ErrorIs(t, err, ErrDurationOverflow)
	})
	t.Run("sub", func(t *testing.T) {
		d, err := Sub(far, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
		require.ErrorIs(t, err, ErrDurationOverflow)
		assert.Zero(t, d)
		_, err = Sub(monday, far)
		require.ErrorIs(t, err, ErrDurationOverflow)
		top := monday.Add(math.MaxInt64)
		d, err = Sub(top, monday)
		require.NoError(t, err)
		assert.Equal(t, time.Duration(math.MaxInt64), d, "the largest duration is exact")
		_, err = Sub(top.Add(time.Nanosecond), monday)
		require.ErrorIs(t, err, ErrDurationOverflow)
	})
	t.Run("sum", func(t *testing.T) {
		s, err := AddDurations(math.MaxInt64-1, 1)
		require.NoError(t, err)
		assert.Equal(t, time.Duration(math.MaxInt64), s)
		_, err = AddDurations(math.MaxInt64, 1)
		require.ErrorIs(t, err, ErrDurationOverflow)
		_, err = AddDurations(math.MinInt64, -1)
		require.ErrorIs(t, err, ErrDurationOverflow)
		s, err = AddDurations(5, -7)
		require.NoError(t, err)
		assert.Equal(t, time.Duration(-2), s)
	})
}

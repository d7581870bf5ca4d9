package slo

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
)

// benchCalendars returns the same calendar twice: Monday to Friday
// 09:00-17:00 in New York with US holidays, as a tiercel Calendar and as a
// rickar/cal BusinessCalendar.
func benchCalendars(tb testing.TB) (*Calendar, *cal.BusinessCalendar, *time.Location) {
	tb.Helper()
	ours := mustCalendar(tb, CalendarSpec{Name: "business", Zone: "America/New_York",
		Week: weekOf(tb, "mon-fri", "09:00-17:00"), Holidays: []string{"us"}})
	theirs := cal.NewBusinessCalendar()
	theirs.AddHoliday(us.Holidays...)
	theirs.SetWorkHours(9*time.Hour, 17*time.Hour)
	return ours, theirs, ours.Location()
}

var benchDurations = []time.Duration{time.Hour, 8 * time.Hour, 40 * time.Hour, 2000 * time.Hour}

// TestBenchmarkAgreement checks that the benchmarks compare equal work: away
// from clock changes both libraries find the same deadlines.
func TestBenchmarkAgreement(t *testing.T) {
	ours, theirs, ny := benchCalendars(t)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, ny)
	for _, d := range benchDurations[:3] {
		t.Run(FormatDuration(d), func(t *testing.T) {
			assert.Equal(t, theirs.AddWorkHours(start, d), ours.Add(start, d))
			end := ours.Add(start, d)
			assert.Equal(t, theirs.WorkHoursInRange(start, end), ours.Elapsed(start, end))
		})
	}
}

// BenchmarkAdd compares Calendar.Add with rickar/cal AddWorkHours on the same
// calendar, for targets from an hour to a year of business hours.
func BenchmarkAdd(b *testing.B) {
	ours, theirs, ny := benchCalendars(b)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, ny) // a Monday
	for _, d := range benchDurations {
		name := FormatDuration(d)
		b.Run("tiercel/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ours.Add(start, d)
			}
		})
		b.Run("rickar/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				theirs.AddWorkHours(start, d)
			}
		})
	}
}

// BenchmarkElapsed compares Calendar.Elapsed with rickar/cal
// WorkHoursInRange over the ranges BenchmarkAdd produces.
func BenchmarkElapsed(b *testing.B) {
	ours, theirs, ny := benchCalendars(b)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, ny)
	for _, d := range benchDurations {
		end := ours.Add(start, d)
		name := FormatDuration(d)
		b.Run("tiercel/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ours.Elapsed(start, end)
			}
		})
		b.Run("rickar/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				theirs.WorkHoursInRange(start, end)
			}
		})
	}
}

// BenchmarkAddZones measures Add on calendars whose arithmetic crosses clock
// changes and several spans a day.
func BenchmarkAddZones(b *testing.B) {
	cals := testCalendars(b)
	start := time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC)
	for _, name := range []string{"24x7", "looker", "paris-lunch", "ny-night", "account-biz"} {
		c := cals[name]
		for _, d := range []time.Duration{8 * time.Hour, 2000 * time.Hour} {
			b.Run(name+"/"+FormatDuration(d), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					c.Add(start, d)
				}
			})
		}
	}
}

// BenchmarkStatus measures a full status with its three warnings.
func BenchmarkStatus(b *testing.B) {
	ours, _, ny := benchCalendars(b)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, ny)
	now := start.Add(30 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ours.Status(start, 8*time.Hour, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewCalendar measures building a calendar with two countries'
// holidays once their holiday tables are cached.
func BenchmarkNewCalendar(b *testing.B) {
	spec := CalendarSpec{Name: "looker", Zone: "America/Los_Angeles", Week: weekOf(b, "mon-fri", "00:00-24:00"), Holidays: []string{"us", "gb"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewCalendar(spec); err != nil {
			b.Fatal(err)
		}
	}
}

// descendingPauses returns n one-minute pauses an hour apart, from the
// last to the first, starting an hour after start.
func descendingPauses(start time.Time, n int) []Interval {
	ps := make([]Interval, n)
	for i := range ps {
		at := start.Add(time.Duration(n-i) * time.Hour)
		ps[i] = Interval{at, at.Add(time.Minute)}
	}
	return ps
}

// BenchmarkAddManyPauses measures Add with 100,000 pauses given from the
// last to the first: sorting them must cost O(n log n), not O(n^2).
func BenchmarkAddManyPauses(b *testing.B) {
	ours, _, ny := benchCalendars(b)
	start := time.Date(2026, 6, 8, 10, 30, 0, 0, ny)
	pauses := descendingPauses(start, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		ours.Add(start, 2000*time.Hour, pauses...)
	}
}

// BenchmarkAddFarFuture measures the most open time a target may ask for
// (MaxWithin) on a calendar open one minute a week in a zone with clock
// changes: 100,000 years ahead, the worst case for a catalog's target.
func BenchmarkAddFarFuture(b *testing.B) {
	c := mustCalendar(b, CalendarSpec{Name: "sparse", Zone: "Europe/Paris", Week: weekOf(b, "mon", "09:00-09:01"), Holidays: []string{"fr"}})
	start := time.Date(2026, 3, 2, 22, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		c.Add(start, MaxWithin)
	}
}

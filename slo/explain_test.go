package slo

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/fault"
)

// checkWalk asserts the properties every walk has: its steps tile [Start,
// Due) without gap or overlap, the open steps add up to the target and are
// open, the closures are closed, and Due is Add's answer.
func checkWalk(t *testing.T, c *Calendar, s time.Time, d time.Duration, pauses []Interval, w Walk, msg string) {
	t.Helper()
	due := c.Add(s, d, pauses...)
	require.True(t, due.Equal(w.Due), "Due %s, Add %s; %s", w.Due, due, msg)
	require.True(t, w.Start.Equal(s), msg)
	at := s
	var open time.Duration
	for i, st := range w.Steps {
		require.True(t, st.From.Equal(at), "step %d %+v does not start at %s; %s", i, st, at, msg)
		require.True(t, st.To.After(st.From), "step %d is empty; %s", i, msg)
		switch st.Kind {
		case Open:
			require.Equal(t, st.To.Sub(st.From), st.Open, msg)
			require.True(t, c.IsOpen(st.From) && c.IsOpen(st.To.Add(-time.Nanosecond)), "step %d %+v is not open; %s", i, st, msg)
			open += st.Open
		case Paused:
			require.Zero(t, st.Open, msg)
		default:
			require.Zero(t, st.Open, msg)
			require.False(t, c.IsOpen(st.From), "step %d %+v is open; %s", i, st, msg)
			require.False(t, c.IsOpen(st.To.Add(-time.Nanosecond)), "step %d %+v is open at its end; %s", i, st, msg)
		}
		at = st.To
	}
	require.True(t, at.Equal(w.Due), "the steps end at %s, due %s; %s", at, w.Due, msg)
	require.Equal(t, max(d, 0), open, msg)
}

// TestExplainRandom checks Explain against Add on thousands of random
// calendars (zones with clock changes, holidays, closed dates, several
// spans a day), starts near clock changes, targets and pauses.
func TestExplainRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 2026))
	zones := []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "UTC", "account"}
	for i := range trials(3000, 300) {
		zone := zones[i%len(zones)]
		_, s := randomStart(t, r, zone, []string{"Europe/Paris", "America/Chicago"}, 4)
		var c *Calendar
		if i%9 == 0 {
			c = AlwaysOpen()
		} else {
			c = randomCalendar(t, r, zone, s)
		}
		d := randomWithin(r)
		if i%5 == 0 {
			d += time.Duration(r.Int64N(int64(time.Minute)))
		}
		pauses := randomPauses(r, s, r.IntN(3))
		msg := fmt.Sprintf("start %s d %s spec %+v pauses %v", s, d, c.Spec(), pauses)
		w, err := c.Explain(s, d, pauses...)
		require.NoError(t, err, msg)
		checkWalk(t, c, s, d, pauses, w, msg)
	}
}

func mustCal(t *testing.T, spec CalendarSpec) *Calendar {
	t.Helper()
	c, err := NewCalendar(spec)
	require.NoError(t, err)
	return c
}

var nineToFive = Week{nil, {{9 * time.Hour, 17 * time.Hour}}, {{9 * time.Hour, 17 * time.Hour}},
	{{9 * time.Hour, 17 * time.Hour}}, {{9 * time.Hour, 17 * time.Hour}}, {{9 * time.Hour, 17 * time.Hour}}, nil}

func TestExplainCauses(t *testing.T) {
	ny := mustCal(t, CalendarSpec{Name: "ny", Zone: "America/New_York", Week: nineToFive, Holidays: []string{"us"},
		Closed: []Date{{2026, time.March, 10}}})
	loc := ny.Location()
	at := func(s string) time.Time {
		u, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		require.NoError(t, err)
		return u
	}
	tests := []struct {
		name    string
		start   string
		within  time.Duration
		pauses  []Interval
		want    []StepKind
		holiday string
		changes int
	}{
		{"friday over the weekend and the march change", "2026-03-06 15:00", 4 * time.Hour,
			nil, []StepKind{Open, OutsideHours, Weekend, OutsideHours, Open}, "", 1},
		{"closed date", "2026-03-09 15:00", 4 * time.Hour,
			nil, []StepKind{Open, OutsideHours, ClosedDate, OutsideHours, Open}, "", 0},
		{"independence day observed", "2026-07-02 16:00", 2 * time.Hour,
			nil, []StepKind{Open, OutsideHours, Holiday, Weekend, OutsideHours, Open}, "Independence Day (observed)", 0},
		{"paused", "2026-03-09 09:00", 2 * time.Hour,
			[]Interval{{at("2026-03-09 10:00"), at("2026-03-09 12:00")}}, []StepKind{Open, Paused, Open}, "", 0},
		{"starts closed", "2026-03-07 12:00", time.Hour,
			nil, []StepKind{Weekend, OutsideHours, Open}, "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := at(tc.start)
			w, err := ny.Explain(s, tc.within, tc.pauses...)
			require.NoError(t, err)
			checkWalk(t, ny, s, tc.within, tc.pauses, w, tc.name)
			var kinds []StepKind
			for _, st := range w.Steps {
				kinds = append(kinds, st.Kind)
				if st.Kind == Holiday {
					assert.Equal(t, tc.holiday, st.Holiday)
					assert.Equal(t, "us", st.Country)
				}
			}
			assert.Equal(t, tc.want, kinds)
			require.Len(t, w.Changes, tc.changes)
			for _, ch := range w.Changes {
				assert.Equal(t, "EST", ch.From)
				assert.Equal(t, "EDT", ch.To)
				assert.Equal(t, time.Hour, ch.Shift)
			}
		})
	}
}

func TestExplainLimit(t *testing.T) {
	ny := mustCal(t, CalendarSpec{Name: "ny", Zone: "America/New_York", Week: nineToFive})
	_, err := ny.Explain(time.Date(2026, 3, 6, 15, 0, 0, 0, ny.Location()), 50000*time.Hour)
	require.ErrorIs(t, err, ErrExplainLimit)
	assert.Equal(t, fault.Limit, fault.Of(err))
	w, err := AlwaysOpen().Explain(time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC), 50000*time.Hour)
	require.NoError(t, err)
	assert.Len(t, w.Steps, 1)
	assert.False(t, errors.Is(err, ErrExplainLimit))
}

func TestStepKindString(t *testing.T) {
	assert.Equal(t, "outside hours", OutsideHours.String())
	assert.Equal(t, "StepKind(9)", StepKind(9).String())
	b, err := Holiday.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "holiday", string(b))
}

// FuzzExplain checks that any start, target and pause on the fuzz
// calendars gives a walk with Explain's properties, or the limit error.
func FuzzExplain(f *testing.F) {
	f.Add(uint8(1), int64(1780909200), uint32(0), int64(8*time.Hour), int64(0), int64(0))
	f.Add(uint8(3), int64(1793426400), uint32(0), int64(time.Hour), int64(3600e9), int64(1800e9))
	f.Add(uint8(8), int64(1781000000), uint32(5), int64(120*time.Hour), int64(-1), int64(86400e9))
	f.Fuzz(func(t *testing.T, which uint8, sec int64, nsec uint32, d int64, pauseAt, pauseLen int64) {
		c, s, dur := fuzzInputs(which, sec, nsec, d)
		p := Interval{Start: s.Add(time.Duration(floorMod(pauseAt, int64(30*24*time.Hour)) - int64(24*time.Hour)))}
		p.End = p.Start.Add(time.Duration(floorMod(pauseLen, int64(10*24*time.Hour))))
		w, err := c.Explain(s, dur, p)
		if err != nil {
			require.ErrorIs(t, err, ErrExplainLimit)
			return
		}
		checkWalk(t, c, s, dur, []Interval{p}, w, c.Name())
	})
}

func BenchmarkExplain(b *testing.B) {
	ours, _, ny := benchCalendars(b)
	start := time.Date(2026, 3, 6, 15, 0, 0, 0, ny)
	for _, d := range benchDurations {
		b.Run(FormatDuration(d), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ours.Explain(start, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

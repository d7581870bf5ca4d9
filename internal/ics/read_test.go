package ics

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

func date(t testing.TB, s string) slo.Date {
	t.Helper()
	d, err := slo.ParseDate(s)
	require.NoError(t, err)
	return d
}

// between keeps the days from..to inclusive.
func between(t testing.TB, days []Day, from, to string) []Day {
	f, l := date(t, from), date(t, to)
	var out []Day
	for _, d := range days {
		if compareDates(d.Date, f) >= 0 && compareDates(d.Date, l) <= 0 {
			out = append(out, d)
		}
	}
	return out
}

func TestReadUSHolidays(t *testing.T) {
	src, err := os.ReadFile("testdata/us-holidays.ics")
	require.NoError(t, err)
	days, err := Read("us-holidays.ics", src)
	require.NoError(t, err)
	want := []Day{
		{date(t, "2026-01-01"), "New Year's Day"},
		{date(t, "2026-11-26"), "Thanksgiving Day"}, // 4th Thursday of November
		{date(t, "2026-12-24"), "Winter shutdown, all sites"},
		{date(t, "2026-12-25"), "Winter shutdown, all sites"},
		{date(t, "2026-12-26"), "Winter shutdown, all sites"}, // DTEND 20261227 is exclusive
		{date(t, "2027-01-01"), "New Year's Day"},
		{date(t, "2027-11-25"), "Thanksgiving Day"},
		// 2028-01-01 is an EXDATE
		{date(t, "2028-11-23"), "Thanksgiving Day"},
	}
	assert.Equal(t, want, between(t, days, "2026-01-01", "2028-12-31"))
	t.Run("a rule without an end stops at LastRecurrenceYear", func(t *testing.T) {
		last := days[len(days)-1]
		assert.Equal(t, slo.Date{Year: LastRecurrenceYear, Month: 11, Day: 25}, last.Date, "Thanksgiving %d", LastRecurrenceYear)
		assert.Len(t, between(t, days, "2030-01-01", "2200-12-31"), LastRecurrenceYear-2030+1, "one Thanksgiving a year")
	})
	t.Run("UNTIL ends New Year in 2029", func(t *testing.T) {
		assert.Equal(t, []Day{{date(t, "2029-01-01"), "New Year's Day"}}, between(t, days, "2029-01-01", "2029-01-31"))
		assert.Empty(t, between(t, days, "2030-01-01", "2030-01-31"))
	})
}

// An UNTIL before DTSTART ends the rule before it starts: no occurrence,
// UNTIL=00010101 too, a date like any other (its zero instant was taken
// for "no UNTIL", and the rule ran to LastRecurrenceYear).
func TestReadUntilBeforeStart(t *testing.T) {
	for _, until := range []string{"20250101", "00010101"} {
		t.Run(until, func(t *testing.T) {
			src := "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20260102\n" +
				"RRULE:FREQ=YEARLY;UNTIL=" + until + "\nSUMMARY:New Year's Day\nEND:VEVENT\nEND:VCALENDAR\n"
			days, err := Read("x.ics", []byte(src))
			require.NoError(t, err)
			assert.Empty(t, days)
		})
	}
}

func TestReadErrors(t *testing.T) {
	cal := func(lines ...string) string {
		return "BEGIN:VCALENDAR\nVERSION:2.0\n" + strings.Join(lines, "\n") + "\nEND:VCALENDAR\n"
	}
	event := func(lines ...string) string {
		return cal(append(append([]string{"BEGIN:VEVENT"}, lines...), "END:VEVENT")...)
	}
	many := func(n int, ev string) string {
		return cal(strings.Repeat(ev+"\n", n))
	}
	tests := []struct {
		name, src, want string
		is              error
	}{
		{"no VCALENDAR", "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT\n", "x.ics:1: BEGIN:VEVENT outside a VCALENDAR: not an iCalendar file", ErrInvalid},
		{"a YAML file", "calendars:\n  office: {}\n", "x.ics:1: CALENDARS outside a VCALENDAR: not an iCalendar file", ErrInvalid},
		{"an empty file", "", "x.ics:1: no BEGIN:VCALENDAR: not an iCalendar file", ErrInvalid},
		{"never ended", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n", "x.ics:2: BEGIN:VEVENT is never ended", ErrInvalid},
		{"END of another component", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\n", "x.ics:3: END:VTODO closes BEGIN:VEVENT of line 2", ErrInvalid},
		{"no DTSTART", event("SUMMARY:x"), "x.ics:3: VEVENT has no DTSTART", ErrInvalid},
		{"DTSTART with a time", event("DTSTART:20260101T090000Z"), "x.ics:4: DTSTART 20260101T090000Z has a time of day: only all-day events (DTSTART;VALUE=DATE:YYYYMMDD) close days", ErrInvalid},
		{"DTSTART VALUE=DATE-TIME", event("DTSTART;VALUE=DATE-TIME:20260101"), "x.ics:4: DTSTART 20260101 has a time of day", ErrInvalid},
		{"bad date", event("DTSTART;VALUE=DATE:20260230"), `x.ics:4: DTSTART "20260230": want a date YYYYMMDD`, ErrInvalid},
		{"DTEND not after DTSTART", event("DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20260101"), "x.ics:5: DTEND 20260101 is not after DTSTART 20260101", ErrInvalid},
		{"DTEND and DURATION", event("DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20260102", "DURATION:P1D"), "x.ics:6: VEVENT of line 3 has both DTEND and DURATION", ErrInvalid},
		{"DURATION with hours", event("DTSTART;VALUE=DATE:20260101", "DURATION:PT8H"), `x.ics:5: DURATION "PT8H": want whole days or weeks`, ErrInvalid},
		{"unknown FREQ", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=FORTNIGHTLY"), "x.ics:5: RRULE FREQ=FORTNIGHTLY: want one of YEARLY, MONTHLY, WEEKLY, DAILY for an all-day event", ErrInvalid},
		{"FREQ=HOURLY", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=HOURLY"), "x.ics:5: RRULE FREQ=HOURLY: want one of", ErrInvalid},
		{"no FREQ", event("DTSTART;VALUE=DATE:20260101", "RRULE:COUNT=2"), "x.ics:5: RRULE FREQ=: want one of", ErrInvalid},
		{"BYHOUR", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;BYHOUR=9"), "x.ics:5: RRULE BYHOUR=9: an all-day event has no times of day", ErrInvalid},
		{"COUNT=0", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;COUNT=0"), "x.ics:5: RRULE COUNT=0: want a whole number of at least 1", ErrInvalid},
		{"unknown rule part", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=DAILY;BYFOO=1"), "x.ics:5: RRULE FREQ=DAILY;BYFOO=1: unknown RRULE property: BYFOO", ErrInvalid},
		{"two RRULEs", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY", "RRULE:FREQ=MONTHLY"), "x.ics:6: a second RRULE in the VEVENT of line 3: give one", ErrInvalid},
		{"recurring from year 1", event("DTSTART;VALUE=DATE:00010101", "RRULE:FREQ=DAILY"), "x.ics:5: a recurring event must start from 1900 to 2100: DTSTART is in 1", ErrInvalid},
		{"EXDATE with a time", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY", "EXDATE:20270101T000000Z"), "x.ics:6: EXDATE 20270101T000000Z has a time of day", ErrInvalid},
		{"unclosed quote", event(`DTSTART;X="a:VALUE=DATE:20260101`), `x.ics:4: DTSTART: parameter X has an unclosed quote`, ErrInvalid},
		{"daily rules without an end pass MaxDays", many(5, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY\nEND:VEVENT"), "x.ics:15: the file's events make more than 100000 days (the VEVENT of line 15 passes the limit)", ErrTooLarge},
		{"an event too long", event("DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20280101"), "x.ics:3: VEVENT lasts more than 366 days", ErrTooLarge},
		{"an event to year 9999", event("DTSTART;VALUE=DATE:00010101", "DTEND;VALUE=DATE:99991231"), "x.ics:3: VEVENT lasts more than 366 days", ErrTooLarge},
		{"too many recurring events", many(MaxRecurring+1, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;COUNT=1\nEND:VEVENT"), "x.ics:1029: more than 256 recurring events", ErrTooLarge},
		{"rules that never match pass MaxScan", many(10, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:19000101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT"),
			"x.ics:21: the file's recurrence rules scan more than 300000 units of periods (the RRULE of the VEVENT of line 19", ErrTooLarge},
		{"yearly rules from 1900 pass MaxScan", many(100, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:19000101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT"),
			"x.ics:153: the file's recurrence rules scan more than 300000 units", ErrTooLarge},
		{"too many events", many(MaxEvents+1, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT"), "x.ics:30003: more than 10000 events", ErrTooLarge},
		{"nested too deep", "BEGIN:VCALENDAR\n" + strings.Repeat("BEGIN:X\n", 10), "x.ics:9: components nested deeper than 8", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days, err := Read("x.ics", []byte(tt.src))
			require.Error(t, err)
			assert.Nil(t, days)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), tt.want[:strings.Index(tt.want, ": ")]), "positioned: %v", err)
			require.ErrorIs(t, err, tt.is)
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, "x.ics", e.File)
		})
	}
}

func TestErrorClasses(t *testing.T) {
	assert.Equal(t, fault.BadInput, fault.Of(ErrInvalid))
	assert.Equal(t, fault.Limit, fault.Of(ErrTooLarge))
}

func BenchmarkRead(b *testing.B) {
	us, err := os.ReadFile("testdata/us-holidays.ics")
	require.NoError(b, err)
	never := "BEGIN:VEVENT\nDTSTART;VALUE=DATE:19000101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT\n"
	for _, bc := range []struct {
		name string
		src  []byte
	}{
		{"us-holidays", us},
		// the most work MaxScan lets through: yearly rules that never match
		{"hostile-at-MaxScan", []byte("BEGIN:VCALENDAR\n" + strings.Repeat(never, MaxScan/(201*40)) + "END:VCALENDAR\n")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read("b.ics", bc.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

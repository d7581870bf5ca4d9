package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// Every form ParseTime reads, in zones with and without daylight saving
// time, at the gaps and overlaps RFC 5545 section 3.3.5 resolves.
func TestParseTime(t *testing.T) {
	tests := []struct {
		name, in, zone string
		want           string // the instant in UTC
	}{
		{"RFC 3339 ignores the zone", "2026-03-06T16:30:00+09:00", "America/New_York", "2026-03-06T07:30:00Z"},
		{"fractions of a second", "2026-03-06T16:30:00.5Z", "", "2026-03-06T16:30:00.5Z"},
		{"a date without a zone is midnight UTC", "2026-03-06", "", "2026-03-06T00:00:00Z"},
		{"a date is midnight in the zone", "2026-03-06", "Asia/Tokyo", "2026-03-05T15:00:00Z"},
		{"a date whose midnight is skipped starts when the day does", "2026-09-06", "America/Santiago", "2026-09-06T04:00:00Z"},
		{"a date after clocks fall back at midnight", "2026-04-05", "America/Santiago", "2026-04-05T04:00:00Z"},
		{"a local time in minutes", "2026-03-06T16:30", "Asia/Tokyo", "2026-03-06T07:30:00Z"},
		{"a local time in seconds", "2026-03-06T16:30:00", "Asia/Tokyo", "2026-03-06T07:30:00Z"},
		{"a local time without a zone is UTC", "2026-03-06T16:30", "", "2026-03-06T16:30:00Z"},
		{"New York gap: moved forward by the gap", "2026-03-08T02:30", "America/New_York", "2026-03-08T07:30:00Z"},
		{"New York overlap: the first occurrence", "2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00Z"},
		{"New York just after the overlap", "2026-11-01T02:00", "America/New_York", "2026-11-01T07:00:00Z"},
		{"Berlin gap", "2026-03-29T02:30", "Europe/Berlin", "2026-03-29T01:30:00Z"},
		{"Berlin overlap", "2026-10-25T02:30", "Europe/Berlin", "2026-10-25T00:30:00Z"},
		{"Lord Howe's 30-minute gap", "2026-10-04T02:15", "Australia/Lord_Howe", "2026-10-03T15:45:00Z"},
		{"Lord Howe's 30-minute overlap", "2026-04-05T01:45", "Australia/Lord_Howe", "2026-04-04T14:45:00Z"},
		{"the zero instant is an instant", "0001-01-01T00:00:00Z", "", "0001-01-01T00:00:00Z"},
		{"the last instant", "9999-12-31T23:59:59Z", "", "9999-12-31T23:59:59Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var loc *time.Location
			if tc.zone != "" {
				loc = zone(t, tc.zone)
			}
			got, err := ParseTime(tc.in, loc)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.UTC().Format(time.RFC3339Nano))
			if loc != nil && len(tc.in) < 20 {
				assert.Equal(t, loc, got.Location(), "a local time is shown in its zone")
			}
		})
	}
}

func TestParseTimeErrors(t *testing.T) {
	tests := []struct{ name, in, zone, want string }{
		{"a word", "yesterday", "", `invalid time "yesterday": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
		{"a space for the T", "2026-03-06 16:30", "", `invalid time "2026-03-06 16:30": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
		{"year 0", "0000-06-01T10:00:00Z", "", "0000-06-01T10:00:00Z is outside years 0001-9999"},
		{"year 0 in UTC", "0001-01-01T00:00:00+01:00", "", "0001-01-01T00:00:00+01:00 is 0000-12-31T23:00:00Z in UTC, outside years 0001-9999"},
		{"a date in year 0 in UTC", "0001-01-01", "Asia/Tokyo", "0001-01-01T00:00:00+09:18 is 0000-12-31T14:41:01Z in UTC, outside years 0001-9999"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var loc *time.Location
			if tc.zone != "" {
				loc = zone(t, tc.zone)
			}
			_, err := ParseTime(tc.in, loc)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidTime)
			assert.EqualError(t, err, tc.want)
		})
	}
}

// Every wall-clock time of a year resolves to an instant that reads it
// back in the zone, except in gaps, where it moves forward by the gap.
func TestParseTimeRoundTrips(t *testing.T) {
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"} {
		loc := zone(t, name)
		t.Run(name, func(t *testing.T) {
			for w := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); w.Year() == 2026; w = w.Add(15 * time.Minute) {
				got, err := ParseTime(w.Format(wallMinutes), loc)
				require.NoError(t, err)
				back := got.In(loc)
				wall := time.Date(back.Year(), back.Month(), back.Day(), back.Hour(), back.Minute(), 0, 0, time.UTC)
				if !wall.Equal(w) {
					_, before := got.Add(-2 * time.Hour).In(loc).Zone()
					_, after := got.In(loc).Zone()
					require.Equal(t, time.Duration(after-before)*time.Second, wall.Sub(w), "%s in %s: a gap moves it forward by the gap's length", w.Format(wallMinutes), name)
				}
			}
		})
	}
}

func BenchmarkParseTime(b *testing.B) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(b, err)
	for _, in := range []string{"2026-03-06T16:30:00Z", "2026-03-06", "2026-03-06T16:30"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseTime(in, ny); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

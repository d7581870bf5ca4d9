package ics

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadForms(t *testing.T) {
	cal := func(lines ...string) []byte {
		return []byte("BEGIN:VCALENDAR\nVERSION:2.0\n" + strings.Join(lines, "\n") + "\nEND:VCALENDAR\n")
	}
	tests := []struct {
		name string
		src  []byte
		want []string
	}{
		{"no DTEND is one day", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "END:VEVENT"), []string{"2026-05-01"}},
		{"a date without VALUE=DATE", cal("BEGIN:VEVENT", "DTSTART:20260501", "END:VEVENT"), []string{"2026-05-01"}},
		{"DURATION in days", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "DURATION:P2D", "END:VEVENT"), []string{"2026-05-01", "2026-05-02"}},
		{"COUNT", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;COUNT=2", "END:VEVENT"), []string{"2026-01-01", "2027-01-01"}},
		{"RDATE and EXDATE lists", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;VALUE=DATE:20260112,20260119", "RDATE;VALUE=DATE:20260301", "END:VEVENT"),
			[]string{"2026-01-05", "2026-03-01"}},
		{"lower-case rule, last Monday of May", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260525", "RRULE:freq=yearly;bymonth=5;byday=-1mo;count=2", "END:VEVENT"), []string{"2026-05-25", "2027-05-31"}},
		{"quoted parameter", cal(`BEGIN:VEVENT`, `DTSTART;X-NOTE="a:b;c";VALUE=DATE:20260501`, `END:VEVENT`), []string{"2026-05-01"}},
		{"two events on one date", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "END:VEVENT", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "END:VEVENT"), []string{"2026-05-01"}},
		{"days before FirstYear are dropped", cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:17760704", "END:VEVENT"), nil},
		{"an empty calendar", cal(), nil},
		{"a byte order mark", append([]byte("\uFEFF"), cal("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260501", "END:VEVENT")...), []string{"2026-05-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days, err := Read("x.ics", tt.src)
			require.NoError(t, err)
			var got []string
			for _, d := range days {
				got = append(got, d.Date.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestUnescapeText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`plain`, `plain`},
		{`a\, b\; c\\ d\nline\N`, "a, b; c\\ d\nline\n"},
		{`trailing\`, `trailing\`},
	} {
		t.Run(tt.in, func(t *testing.T) { assert.Equal(t, tt.want, unescapeText(tt.in)) })
	}
}

package ics

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestWriteRoundTrip(t *testing.T) {
	days := []Day{
		{date(t, "2026-01-01"), "New Year's Day"},
		{date(t, "2026-11-26"), "Thanksgiving Day"},
		{date(t, "2026-12-24"), ""},
		{date(t, "2026-12-31"), strings.Repeat("Fête de fin d'année; bureaux fermés, ", 4)},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Calendar{ID: "office", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Days: days}))
	out := buf.String()
	t.Run("CRLF and folded lines", func(t *testing.T) {
		require.True(t, strings.HasSuffix(out, "END:VCALENDAR\r\n"))
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		folded := 0
		for _, l := range lines {
			assert.NotContains(t, l, "\n")
			assert.LessOrEqual(t, len(l), 75, "%q", l)
			assert.True(t, utf8.ValidString(l), "no fold inside a UTF-8 sequence: %q", l)
			if strings.HasPrefix(l, " ") {
				folded++
			}
		}
		assert.Positive(t, folded, "the long SUMMARY is folded")
	})
	t.Run("all-day events with an exclusive DTEND and a UID", func(t *testing.T) {
		assert.Contains(t, out, "BEGIN:VEVENT\r\nUID:20261126-office@tiercel\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261127\r\nSUMMARY:Thanksgiving Day\r\n")
		assert.Contains(t, out, "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n", "DTEND crosses the year")
		assert.Equal(t, len(days), strings.Count(out, "UID:"))
	})
	t.Run("read back", func(t *testing.T) {
		back, err := Read("export.ics", buf.Bytes())
		require.NoError(t, err)
		want := append([]Day(nil), days...)
		want[2].Name = "Closed"
		assert.Equal(t, want, back)
	})
}

func TestWriteEmpty(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Calendar{ID: "x"}))
	days, err := Read("x.ics", buf.Bytes())
	require.NoError(t, err)
	assert.Empty(t, days)
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short", "A:b", "A:b\r\n"},
		{"exactly 75", strings.Repeat("a", 75), strings.Repeat("a", 75) + "\r\n"},
		{"76", strings.Repeat("a", 76), strings.Repeat("a", 75) + "\r\n a\r\n"},
		{"not inside a rune", strings.Repeat("a", 74) + "é", strings.Repeat("a", 74) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			writeFolded(w, tt.in)
			require.NoError(t, w.Flush())
			assert.Equal(t, tt.want, buf.String())
		})
	}
}

// More days than Read takes are refused, not written: what Write writes,
// Read reads back (FuzzICS found a file of 80,000 event days whose export
// could not be read).
func TestWriteTooManyDays(t *testing.T) {
	days := make([]Day, MaxEvents+1)
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range days {
		d := start.AddDate(0, 0, i)
		days[i] = Day{Date: slo.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}}
	}
	var buf bytes.Buffer
	err := Write(&buf, Calendar{ID: "x", Days: days})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Zero(t, buf.Len())
	require.NoError(t, Write(&buf, Calendar{ID: "x", Days: days[:MaxEvents]}))
	back, err := Read("back.ics", buf.Bytes())
	require.NoError(t, err)
	assert.Len(t, back, MaxEvents)
}

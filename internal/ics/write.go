package ics

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// maxOctets is the longest content line RFC 5545 section 3.1 allows before
// folding, CRLF excluded.
const maxOctets = 75

// Calendar is what Write writes: the days of one calendar.
type Calendar struct {
	// ID names the calendar: it goes into X-WR-CALNAME and every UID
	// ("20261126-office@tiercel").
	ID string
	// Stamp is every event's DTSTAMP. Write reads no clock: the caller
	// chooses it, so that the same days give the same bytes.
	Stamp time.Time
	Days  []Day
}

// Write writes c as an RFC 5545 VCALENDAR: one all-day VEVENT per day, with
// DTSTART;VALUE=DATE, DTEND;VALUE=DATE the next day (exclusive), the day's
// name as SUMMARY ("Closed" for a day without one) and a UID per event;
// CRLF line ends and lines folded at 75 octets. Read reads it back to the
// same days: more than MaxEvents days, which Read would refuse, are an
// error wrapping ErrTooLarge, and nothing is written.
func Write(w io.Writer, c Calendar) error {
	if len(c.Days) > MaxEvents {
		return fmt.Errorf("%w: %d days: a calendar file holds at most %d events (export a shorter window)", ErrTooLarge, len(c.Days), MaxEvents)
	}
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//tiercel//tiercel export ics//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + escapeText(c.ID))
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, d := range c.Days {
		day := time.Date(d.Date.Year, d.Date.Month, d.Date.Day, 0, 0, 0, 0, time.UTC)
		name := d.Name
		if name == "" {
			name = "Closed"
		}
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:%s-%s@tiercel", day.Format("20060102"), escapeText(c.ID)))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + day.Format("20060102"))
		line("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + escapeText(name))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// writeFolded writes s with CRLF, folded into lines of at most maxOctets
// octets (continuations start with a space), never inside a UTF-8 sequence.
func writeFolded(w *bufio.Writer, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

package slo

import (
	"fmt"
	"strings"
	"time"
)

// Clauses returns the walk as a person tells it, one clause a step and
// clock change, in order, the last naming the due instant:
//
//	Fri 15:00–17:00 EST 2h (of 4h)
//	Fri 17:00–24:00 closed (outside hours)
//	Sat–Sun closed (weekend)
//	DST change Sun 02:00 (EST → EDT)
//	Mon 00:00–09:00 closed (outside hours)
//	Mon 09:00–11:00 EDT 2h (4h of 4h)
//	→ due Mon 11:00
//
// Days are weekdays ("Mon") when the walk lasts less than a week, else
// with their date ("Mon 2 Mar"), and with the year when it crosses one.
func (w Walk) Clauses() []string {
	f := dayFormat(w)
	out := make([]string, 0, len(w.Steps)+len(w.Changes)+1)
	ci := 0
	var counted time.Duration
	for _, s := range w.Steps {
		for ci < len(w.Changes) && !w.Changes[ci].At.After(s.From) {
			out = append(out, w.Changes[ci].clause(f))
			ci++
		}
		counted += s.Open
		out = append(out, s.clause(f, counted, w.Within))
	}
	for ; ci < len(w.Changes); ci++ {
		out = append(out, w.Changes[ci].clause(f))
	}
	return append(out, "→ due "+w.Due.Format(f+" 15:04"))
}

// String returns the walk's clauses joined by "; ".
func (w Walk) String() string { return strings.Join(w.Clauses(), "; ") }

// dayFormat returns the layout of a day in the walk's clauses.
func dayFormat(w Walk) string {
	switch {
	case w.Due.Year() != w.Start.Year():
		return "Mon 2 Jan 2006"
	case w.Due.Sub(w.Start) >= 6*24*time.Hour:
		return "Mon 2 Jan"
	}
	return "Mon"
}

// clause tells the step, counted being the open time counted up to its
// end.
func (s Step) clause(f string, counted, within time.Duration) string {
	if s.Kind == Open {
		of := fmt.Sprintf("(%s of %s)", FormatDuration(counted), FormatDuration(within))
		if counted == s.Open {
			of = "(of " + FormatDuration(within) + ")"
		}
		return fmt.Sprintf("%s %s %s %s", s.span(f), s.To.Format("MST"), FormatDuration(s.Open), of)
	}
	cause := s.Kind.String()
	if s.Kind == Holiday {
		cause = s.Holiday + ", " + s.Country
	}
	if s.Kind == Paused {
		return s.span(f) + " paused"
	}
	return s.span(f) + " closed (" + cause + ")"
}

// span returns "Fri 15:00–17:00", "Fri 17:00–Mon 09:00", or for whole days
// "Sat" and "Sat–Sun".
func (s Step) span(f string) string {
	if midnight(s.From) && midnight(s.To) {
		last := s.To.Add(-time.Nanosecond)
		if sameDay(s.From, last) {
			return s.From.Format(f)
		}
		return s.From.Format(f) + "–" + last.Format(f)
	}
	end := s.To.Format("15:04")
	if midnight(s.To) && sameDay(s.From, s.To.Add(-time.Nanosecond)) {
		end = "24:00"
	} else if !sameDay(s.From, s.To) {
		end = s.To.Format(f + " 15:04")
	}
	return s.From.Format(f+" 15:04") + "–" + end
}

// clause tells the clock change, at the wall-clock reading it changes from.
func (c ClockChange) clause(f string) string {
	_, off := c.At.Zone()
	before := c.At.In(time.FixedZone(c.From, off-int(c.Shift/time.Second)))
	return fmt.Sprintf("DST change %s (%s → %s)", before.Format(f+" 15:04"), c.From, c.To)
}

func midnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

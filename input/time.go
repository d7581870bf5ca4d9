package input

import (
	"fmt"
	"slices"
	"time"
)

// The layouts ParseTime reads. An instant with an offset is RFC 3339; a
// wall-clock time without one is resolved in the zone; a date means the
// first instant of that day in the zone.
const (
	wallMinutes = "2006-01-02T15:04"
	wallSeconds = "2006-01-02T15:04:05.999999999"
)

// ParseTime reads an instant, with one meaning wherever tiercel reads one
// (flags, case files, suites, contracts, CSV and JSON-lines rows, events):
//
//   - An RFC 3339 instant with an offset ("2026-03-06T16:30:00+09:00",
//     "2026-03-06T07:30:00Z") is that instant; loc does not matter.
//   - A wall-clock time without an offset ("2026-03-06T16:30" or
//     "2026-03-06T16:30:00", fractions of a second allowed) is that time in
//     loc. A time that falls in a gap, skipped when clocks go forward, is
//     read with the offset in effect before the gap, so it moves forward by
//     the gap's length (2026-03-08T02:30 in America/New_York is 03:30 EDT);
//     a time that falls in an overlap, repeated when clocks go back, is its
//     first occurrence (2026-11-01T01:30 in America/New_York is 01:30 EDT).
//     This is the rule of RFC 5545 section 3.3.5
//     (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5).
//   - A date ("2026-03-06") is the first instant of that day in loc: its
//     midnight, or, when clocks skip midnight (2026-09-06 in
//     America/Santiago), the instant the day starts (01:00 -03).
//
// A nil loc means UTC. The zero time (0001-01-01T00:00:00Z) is an instant
// like any other: callers that need to know whether a time was given keep
// that apart. An instant outside years 0001-9999 in UTC, which RFC 3339
// cannot write back, is refused. An error wraps ErrInvalidTime and quotes
// s.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	t, ok := parseTime(s, loc)
	if ok {
		if err := inYears(t); err != nil {
			return time.Time{}, err
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%w %q: want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)",
		ErrInvalidTime, s)
}

// inYears returns an error unless RFC 3339 can write t, as written and in
// UTC: its year is within 0001-9999 in both.
func inYears(t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return timeError(fmt.Sprintf("%s is outside years 0001-9999", t.Format(time.RFC3339Nano)))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return timeError(fmt.Sprintf("%s is %s in UTC, outside years 0001-9999", t.Format(time.RFC3339Nano), t.UTC().Format(time.RFC3339Nano)))
	}
	return nil
}

// timeError is an error of ParseTime whose text does not repeat
// ErrInvalidTime's, which it wraps.
type timeError string

func (e timeError) Error() string { return string(e) }
func (e timeError) Unwrap() error { return ErrInvalidTime }

// parseTime reads s by the first layout that fits.
func parseTime(s string, loc *time.Location) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return firstInstant(d, loc), true
	}
	for _, layout := range []string{wallMinutes, wallSeconds} {
		if w, err := time.Parse(layout, s); err == nil {
			return wallTime(w, loc), true
		}
	}
	return time.Time{}, false
}

// transition is a change of loc's offset at an instant.
type transition struct {
	at            time.Time
	before, after int // offsets in seconds east of UTC
}

// offsetAt returns loc's offset at t, in seconds east of UTC.
func offsetAt(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}

// around returns loc's offset 15 hours before wall (a wall-clock time
// written as UTC) and the transitions of loc in the 30 hours around it:
// every offset is within ±14 h, so every instant whose wall clock is wall
// lies in that window.
func around(wall time.Time, loc *time.Location) (int, []transition) {
	from, to := wall.Add(-15*time.Hour), wall.Add(15*time.Hour)
	first := offsetAt(from, loc)
	var ts []transition
	u := from
	for range 8 { // a zone changes its offset a few times a day at most
		_, end := u.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(to) {
			break
		}
		ts = append(ts, transition{at: end, before: offsetAt(end.Add(-time.Nanosecond), loc), after: offsetAt(end, loc)})
		u = end
	}
	return first, ts
}

// resolveWall returns the instants whose wall clock in loc reads wall
// (written as UTC), earliest first, or, when wall is skipped, the
// transition whose gap holds it.
func resolveWall(wall time.Time, loc *time.Location) ([]time.Time, *transition) {
	first, ts := around(wall, loc)
	offsets := []int{first}
	for _, tr := range ts {
		offsets = append(offsets, tr.after)
	}
	var found []time.Time
	for _, off := range offsets {
		t := wall.Add(-time.Duration(off) * time.Second)
		if offsetAt(t, loc) == off && (len(found) == 0 || !found[len(found)-1].Equal(t)) {
			found = append(found, t)
		}
	}
	if len(found) > 0 {
		slices.SortFunc(found, time.Time.Compare)
		return found, nil
	}
	for i := range ts {
		tr := &ts[i]
		start := tr.at.Add(time.Duration(tr.before) * time.Second) // the wall clock at the gap's start
		end := tr.at.Add(time.Duration(tr.after) * time.Second)
		if !wall.Before(start) && wall.Before(end) {
			return nil, tr
		}
	}
	return nil, nil
}

// wallTime resolves the wall-clock time wall (written as UTC) in loc by
// RFC 5545's rule: the first occurrence in an overlap, the offset before
// the gap in a gap.
func wallTime(wall time.Time, loc *time.Location) time.Time {
	found, gap := resolveWall(wall, loc)
	switch {
	case len(found) > 0:
		return found[0].In(loc)
	case gap != nil:
		return wall.Add(-time.Duration(gap.before) * time.Second).In(loc)
	}
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), loc)
}

// firstInstant returns the first instant of the day date (midnight,
// written as UTC) in loc: its midnight's first occurrence, or the end of
// the gap that skips midnight.
func firstInstant(date time.Time, loc *time.Location) time.Time {
	found, gap := resolveWall(date, loc)
	switch {
	case len(found) > 0:
		return found[0].In(loc)
	case gap != nil:
		return gap.at.In(loc)
	}
	return time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, loc)
}

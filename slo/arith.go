package slo

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// How the arithmetic works: instants are mapped onto the local timeline of
// the calendar's zone piece by piece (local.go), and open time is measured
// and added on that timeline (opentime.go). The exported methods below walk
// the pieces and the pauses.

// location returns the zone in which the calendar reads start.
func (c *Calendar) location(start time.Time) *time.Location {
	if c.loc != nil {
		return c.loc
	}
	return start.Location()
}

// measure returns the open time from s to e (s not after e), both in loc.
func (c *Calendar) measure(s, e time.Time) int64 {
	if c.always {
		return int64(e.Sub(s))
	}
	var total int64
	for u := s; u.Before(e); {
		p := pieceAt(u)
		pe := e
		if !p.endless && p.end.Before(e) {
			pe = p.end
		}
		if p.flat {
			if c.openAt(p.at) {
				total = satAdd(total, int64(pe.Sub(u)))
			}
		} else {
			total = satAdd(total, c.localMeasure(localOf(u, p.off), localOf(pe, p.off)))
		}
		u = pe
	}
	return total
}

// advance returns the first instant, in loc, at which rem > 0 of open time
// has passed since s (in loc).
func (c *Calendar) advance(s time.Time, rem int64, loc *time.Location) time.Time {
	if c.always {
		return s.Add(time.Duration(rem))
	}
	for u := s; ; {
		p := pieceAt(u)
		if p.flat {
			if c.openAt(p.at) {
				if span := int64(p.end.Sub(u)); span >= rem {
					return u.Add(time.Duration(rem))
				} else {
					rem -= span
				}
			}
			u = p.end
			continue
		}
		a := localOf(u, p.off)
		b := c.localAdd(a, rem)
		if p.endless {
			return b.instant(p.off, loc)
		}
		end := localOf(p.end, p.off)
		if !b.after(end) {
			return b.instant(p.off, loc)
		}
		rem -= c.localMeasure(a, end)
		u = p.end
	}
}

// next returns the first open instant at or after t (in loc).
func (c *Calendar) next(t time.Time, loc *time.Location) time.Time {
	if c.always {
		return t
	}
	for u := t; ; {
		p := pieceAt(u)
		if p.flat {
			if c.openAt(p.at) {
				return u
			}
			u = p.end
			continue
		}
		at := c.nextOpen(localOf(u, p.off)).instant(p.off, loc)
		if p.endless || at.Before(p.end) {
			return at
		}
		u = p.end
	}
}

// IsOpen reports whether the clock runs at t, read in the calendar's zone
// (or t's own location for an account-zone calendar).
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.always {
		return true
	}
	t = t.In(c.location(t))
	p := pieceAt(t)
	if p.flat {
		return c.openAt(p.at)
	}
	return c.openAt(localOf(t, p.off))
}

// Next returns the first instant at or after t at which the clock runs, in
// t's location. It is t itself when the calendar is open at t.
func (c *Calendar) Next(t time.Time) time.Time {
	loc := c.location(t)
	return c.next(t.In(loc), loc).In(t.Location())
}

// Add returns the first instant at which d of open time has passed since
// start, not counting the pauses: the deadline of a target of d started at
// start. A start outside opening hours counts from the next opening, and the
// result may be a closing instant (Monday 09:00 plus 8h of Mon-Fri
// 09:00-17:00 is Monday 17:00). For d <= 0 Add returns the instant the clock
// starts: the first open instant at or after start outside every pause.
//
// An account-zone calendar reads every instant in start.Location(); the
// result is in start's Location. Add is exact for every Duration, the
// largest included (time.Time reaches far beyond it): Elapsed(start,
// Add(start, d, p...), p...) == d for every d >= 0, and for d > 0 the
// calendar is open just before the result. Add does not allocate for up to
// 8 pauses; more pauses are sorted once, in O(n log n).
func (c *Calendar) Add(start time.Time, d time.Duration, pauses ...Interval) time.Time {
	loc := c.location(start)
	s := start.In(loc)
	var buf [8]Interval
	ps := mergePauses(buf[:0], pauses, loc)
	if d <= 0 {
		t := c.next(s, loc)
		for _, p := range ps {
			if !p.End.After(t) {
				continue
			}
			if p.Start.After(t) {
				break
			}
			t = c.next(p.End, loc)
		}
		return t.In(start.Location())
	}
	rem := int64(d)
	cur := s
	for _, p := range ps {
		if !p.End.After(cur) {
			continue
		}
		if p.Start.After(cur) {
			avail := c.measure(cur, p.Start)
			if avail >= rem {
				break
			}
			rem -= avail
		}
		cur = p.End
	}
	return c.advance(cur, rem, loc).In(start.Location())
}

// Elapsed returns the open time from start to end, not counting the pauses.
// It is negative when end is before start: Elapsed(a, b) == -Elapsed(b, a)
// for instants in one location. An account-zone calendar reads every
// instant in start.Location(). Elapsed saturates at the largest Duration
// only when the open time exceeds it (use ElapsedChecked, as every decision
// does, to refuse that instead), and does not allocate for up to 8 pauses.
func (c *Calendar) Elapsed(start, end time.Time, pauses ...Interval) time.Duration {
	loc := c.location(start)
	s, e := start.In(loc), end.In(loc)
	neg := e.Before(s)
	if neg {
		s, e = e, s
	}
	var buf [8]Interval
	// Sum the open time between the pauses rather than subtract the pauses
	// from the whole: every term is non-negative, so the sum saturates only
	// when the true answer does.
	var total int64
	cur := s
	for _, p := range mergePauses(buf[:0], pauses, loc) {
		if !p.Start.Before(e) {
			break
		}
		if p.Start.After(cur) {
			total = satAdd(total, c.measure(cur, p.Start))
		}
		cur = maxTime(cur, p.End)
	}
	if e.After(cur) {
		total = satAdd(total, c.measure(cur, e))
	}
	if neg {
		return time.Duration(-total)
	}
	return time.Duration(total)
}

// ElapsedChecked is Elapsed that refuses, with an error wrapping
// ErrDurationOverflow, an open time that does not fit in a time.Duration
// (about 292 years) instead of saturating. Status and the engine's
// decisions use it.
func (c *Calendar) ElapsedChecked(start, end time.Time, pauses ...Interval) (time.Duration, error) {
	d := c.Elapsed(start, end, pauses...)
	if d != math.MaxInt64 && d != -math.MaxInt64 {
		return d, nil
	}
	// Exactly the largest Duration, or more: it fits when the open time of
	// the largest Duration from the earlier instant ends at or after the
	// later one.
	s, e := start, end
	if e.Before(s) {
		s, e = e.In(start.Location()), s
	}
	if !e.After(c.Add(s, math.MaxInt64, pauses...)) {
		return d, nil
	}
	return 0, fmt.Errorf("%w: the open time from %s to %s is longer than a time.Duration holds (about 292 years)",
		ErrDurationOverflow, s.Format(time.RFC3339), e.Format(time.RFC3339))
}

// Sub returns a-b, as a.Sub(b) does, but fails with an error wrapping
// ErrDurationOverflow where a.Sub(b) would saturate (about 292 years).
func Sub(a, b time.Time) (time.Duration, error) {
	d := a.Sub(b)
	if !b.Add(d).Equal(a) {
		return 0, fmt.Errorf("%w: %s to %s is longer than a time.Duration holds (about 292 years)",
			ErrDurationOverflow, b.Format(time.RFC3339), a.Format(time.RFC3339))
	}
	return d, nil
}

// AddDurations returns a+b, or an error wrapping ErrDurationOverflow when
// the sum does not fit in a time.Duration.
func AddDurations(a, b time.Duration) (time.Duration, error) {
	s := a + b
	if (s > a) != (b > 0) {
		return 0, fmt.Errorf("%w: %s + %s", ErrDurationOverflow, a, b)
	}
	return s, nil
}

// mergePauses appends to buf the non-empty pauses, in loc, sorted (once, in
// O(n log n)) and with overlapping or touching ones merged.
func mergePauses(buf, pauses []Interval, loc *time.Location) []Interval {
	for _, p := range pauses {
		if !p.End.After(p.Start) {
			continue
		}
		buf = append(buf, Interval{p.Start.In(loc), p.End.In(loc)})
	}
	if len(buf) > 1 {
		slices.SortFunc(buf, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	}
	out := buf[:0]
	for _, p := range buf {
		if n := len(out); n > 0 && !p.Start.After(out[n-1].End) {
			if p.End.After(out[n-1].End) {
				out[n-1].End = p.End
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func satAdd(a, b int64) int64 {
	if s := a + b; (s > a) == (b > 0) {
		return s
	}
	if b > 0 {
		return math.MaxInt64
	}
	return math.MinInt64
}

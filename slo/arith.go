package slo

import (
	"math"
	"math/bits"
	"slices"
	"time"
)

// How the arithmetic works.
//
// Opening hours live on the "local timeline": civil days of exactly 24h
// numbered from 1970-01-01 (dayNumber), each with the spans of its weekday
// unless it is closed. On that timeline the open time between two positions
// is computed in O(log closed days): whole weeks count c.weekly each, the
// few remaining days come from c.cycle, and closed days are subtracted with
// a binary search in the prefix sums c.offCum.
//
// Instants are mapped onto the local timeline piece by piece, a piece being
// a stretch of time with one UTC offset (time.Time.ZoneBounds). Within a
// piece the local position is the instant plus the offset. Where clocks
// jump forward, the skipped wall-clock times belong to no instant: a span
// boundary inside the gap takes effect at the instant of the jump. Where
// clocks go back, the wall clock is taken to stand still at the reading it
// was set back from (for example 02:00) until it reaches that reading
// again: the repeated stretch is open if and only if that reading is open,
// which makes every span boundary take effect the first time the wall clock
// shows it. Either way open time is real elapsed time. Pieces last months
// in real zones, so the cost of Add and Elapsed grows with the number of
// clock changes and weeks crossed, never with minutes or days.

const dayNs = int64(24 * time.Hour)

// lpos is a position on the local timeline: a day number and the
// nanoseconds since that day's midnight, in [0, dayNs).
type lpos struct{ day, ns int64 }

func (a lpos) after(b lpos) bool { return a.day > b.day || a.day == b.day && a.ns > b.ns }

// localOf returns the local position of u at UTC offset off (seconds).
func localOf(u time.Time, off int64) lpos {
	sec := u.Unix() + off
	day := floorDiv(sec, 86400)
	return lpos{day, (sec-day*86400)*1e9 + int64(u.Nanosecond())}
}

// instant returns the instant of local position a at UTC offset off.
func (a lpos) instant(off int64, loc *time.Location) time.Time {
	return time.Unix(a.day*86400+a.ns/1e9-off, a.ns%1e9).In(loc)
}

// piece is a stretch of time on which instants map to the local timeline
// in one way: position = instant + off, or, when flat, a fixed position
// (the stand-still after clocks go back).
type piece struct {
	off     int64 // UTC offset in seconds
	flat    bool
	at      lpos      // the fixed position of a flat piece
	end     time.Time // exclusive end of the piece
	endless bool      // the piece never ends (end is meaningless)
}

// pieceAt returns the piece containing u, which must be in the calendar's
// location.
func pieceAt(u time.Time) piece {
	_, off := u.Zone()
	zs, ze := u.ZoneBounds()
	p := piece{off: int64(off), end: ze, endless: ze.IsZero()}
	if !p.endless && !ze.After(u) {
		// Zones past their last transition follow a yearly rule, and the
		// time package ends the rule's last period of a leap year one day
		// early. The offset holds into the next year: take that period's end.
		if _, ze = u.Add(24 * time.Hour).ZoneBounds(); ze.After(u) {
			p.end = ze
		} else {
			p.end = u.Add(24 * time.Hour)
		}
	}
	if !zs.IsZero() {
		_, prev := zs.Add(-time.Nanosecond).Zone()
		if prev > off {
			flatEnd := zs.Add(time.Duration(prev-off) * time.Second)
			if u.Before(flatEnd) {
				p.flat = true
				p.at = localOf(zs, int64(prev))
				if p.endless || flatEnd.Before(ze) {
					p.end, p.endless = flatEnd, false
				}
			}
		}
	}
	return p
}

// isOff reports whether day is a closed day that would otherwise be open.
func (c *Calendar) isOff(day int64) bool {
	_, found := slices.BinarySearch(c.off, day)
	return found
}

// openAt reports whether the local position a is open.
func (c *Calendar) openAt(a lpos) bool {
	wd := weekdayOf(a.day)
	if c.dayTotal[wd] == 0 || c.isOff(a.day) {
		return false
	}
	for _, sp := range c.week[wd] {
		if a.ns < int64(sp.End) {
			return a.ns >= int64(sp.Start)
		}
	}
	return false
}

// dayOpen returns the open time of day between from and to nanoseconds
// after its midnight.
func (c *Calendar) dayOpen(day, from, to int64) int64 {
	wd := weekdayOf(day)
	if c.dayTotal[wd] == 0 || from >= to || c.isOff(day) {
		return 0
	}
	var t int64
	for _, sp := range c.week[wd] {
		s, e := max(int64(sp.Start), from), min(int64(sp.End), to)
		if e > s {
			t += e - s
		}
	}
	return t
}

// daysOpen returns the open time of the whole days d1 to d2-1.
func (c *Calendar) daysOpen(d1, d2 int64) int64 {
	if d2 <= d1 {
		return 0
	}
	n := d2 - d1
	weeks, rest := n/7, n%7
	w := weekdayOf(d1)
	i1, _ := slices.BinarySearch(c.off, d1)
	i2, _ := slices.BinarySearch(c.off, d2)
	// weeks*weekly + part, in 128 bits: part (the rest days less the closed
	// ones) may be negative, and the sum is exact whenever it fits.
	part := int64(c.cycle[w+int(rest)]-c.cycle[w]) - int64(c.offCum[i2]-c.offCum[i1])
	hi, lo := bits.Mul64(uint64(weeks), uint64(c.weekly))
	var carry uint64
	if part >= 0 {
		lo, carry = bits.Add64(lo, uint64(part), 0)
		hi += carry
	} else {
		lo, carry = bits.Sub64(lo, uint64(-part), 0)
		hi -= carry
	}
	if hi != 0 || lo > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(lo)
}

// localMeasure returns the open time from a to b (a not after b).
func (c *Calendar) localMeasure(a, b lpos) int64 {
	if a.day == b.day {
		return c.dayOpen(a.day, a.ns, b.ns)
	}
	t := c.dayOpen(a.day, a.ns, dayNs)
	t = satAdd(t, c.daysOpen(a.day+1, b.day))
	return satAdd(t, c.dayOpen(b.day, 0, b.ns))
}

// within returns the position within a day of weekday wd at which rem of
// open time has passed since from; the day must have that much left.
func (c *Calendar) within(wd int, from, rem int64) int64 {
	for _, sp := range c.week[wd] {
		e := int64(sp.End)
		if e <= from {
			continue
		}
		s := max(int64(sp.Start), from)
		if e-s >= rem {
			return s + rem
		}
		rem -= e - s
	}
	return dayNs // not reached when the precondition holds
}

// localAdd returns the first position at which rem > 0 of open time has
// passed since a.
func (c *Calendar) localAdd(a lpos, rem int64) lpos {
	day := a.day
	if r := c.dayOpen(day, a.ns, dayNs); r >= rem {
		return lpos{day, c.within(weekdayOf(day), a.ns, rem)}
	} else {
		rem -= r
	}
	day++
	w := int64(c.weekly)
	for rem > w {
		// Skip whole weeks, never all of rem: they hold at most k*w < rem.
		k := (rem - 1) / w
		rem -= c.daysOpen(day, day+7*k)
		day += 7 * k
	}
	for ; ; day++ {
		wd := weekdayOf(day)
		t := int64(c.dayTotal[wd])
		if t == 0 || c.isOff(day) {
			continue
		}
		if t >= rem {
			return lpos{day, c.within(wd, 0, rem)}
		}
		rem -= t
	}
}

// nextOpen returns the first open position at or after a.
func (c *Calendar) nextOpen(a lpos) lpos {
	for day, from := a.day, a.ns; ; day, from = day+1, 0 {
		wd := weekdayOf(day)
		if c.dayTotal[wd] == 0 || c.isOff(day) {
			continue
		}
		for _, sp := range c.week[wd] {
			if int64(sp.End) > from {
				return lpos{day, max(int64(sp.Start), from)}
			}
		}
	}
}

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
// only when the open time exceeds it, and does not allocate for up to 8
// pauses.
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

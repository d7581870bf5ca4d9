package slo

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrEffect is wrapped by every error EffectIn returns.
var ErrEffect = fault.New(fault.BadRequest, "invalid effect window")

// Clock is a response target bound to its calendar: a case opened at t is
// due at Calendar.Add(t, Within).
type Clock struct {
	Calendar *Calendar
	Within   time.Duration // open time allowed, from 0 to MaxWithin
}

// Due returns the deadline of a case opened at t: Calendar.Add(t, Within),
// in t's location.
func (c Clock) Due(t time.Time) time.Time { return c.Calendar.Add(t, c.Within) }

// String renders the clock as a target, for example "8h business".
func (c Clock) String() string {
	name := "<nil>"
	if c.Calendar != nil {
		name = c.Calendar.Name()
	}
	return FormatDuration(c.Within) + " " + name
}

// Effect is how moving from one clock to another moves the deadline of
// every case opened in a window: the difference f(t) = due(to) - due(from)
// for each opening instant t, taken exactly, to the nanosecond.
type Effect struct {
	// Kind is Unchanged when f is zero for every opening, Improved when f
	// is never positive and sometimes negative (never later, sometimes
	// earlier), Degraded when f is never negative and sometimes positive,
	// and Mixed when f takes both signs.
	Kind ChangeKind

	// Min and Max are the extremes of f over the window: the most a
	// deadline moves earlier (Min negative) and later (Max positive).
	Min, Max time.Duration

	// MinAt and MaxAt are the earliest openings in the window at which f
	// is Min and Max, in the location of the window's start.
	MinAt, MaxAt time.Time

	// Earlier and Later measure the openings whose deadline moves earlier
	// (f < 0) and later (f > 0): the total wall-clock time, within the
	// window, of the opening instants in each set, every nanosecond of the
	// window counting once, with one exception: a lone instant at which f
	// is zero, between two at which it is not, counts with the instant
	// before it. Such an instant is where f jumps or crosses zero (an
	// opening at 09:00 sharp, due at 17:00 on both clocks, between openings
	// due later), a point with no length of its own: counted so, each
	// stretch from one such point to the next measures its length end to
	// end, as the calendars' edges say (a window of 335h in which every
	// opening but ten such instants is due later reads Later = 335h, not
	// 334h59m59.99999999s). The window's length less both is the time during
	// which an opening keeps its deadline; Earlier/(end - start) is the
	// share of the window in which a case would be due earlier.
	Earlier, Later time.Duration
}

// String renders the effect as its kind and extremes, for example
// "mixed (-1h, +64h)" or "degraded (0, +64h)".
func (e Effect) String() string {
	return e.Kind.String() + " (" + FormatSigned(e.Min) + ", " + FormatSigned(e.Max) + ")"
}

// maxRel bounds every position of the sweep, relative to the window's
// start, so that differences of positions never overflow.
const maxRel = 1 << 62

// EffectIn computes the Effect of moving from one clock to another on the
// cases opened at every instant of the window [start, end). Calendars with
// the account's zone read the openings in start.Location(). The result is
// exact: the deadlines are piecewise linear in the opening instant, so
// EffectIn sweeps the open stretches of both calendars once, in time linear
// in their number, and evaluates the difference at the ends of every
// linear piece instead of sampling.
//
// It fails, with an error wrapping ErrEffect, when end is not after start,
// a clock has no calendar or a Within outside 0 to MaxWithin, or the
// window, or a deadline of an opening in it, lies more than about 146
// years after start.
func EffectIn(from, to Clock, start, end time.Time) (Effect, error) {
	if !end.After(start) {
		return Effect{}, fmt.Errorf("%w: end %s is not after start %s", ErrEffect,
			end.Format(time.RFC3339Nano), start.Format(time.RFC3339Nano))
	}
	n := relTo(start, end)
	if n >= maxRel {
		return Effect{}, fmt.Errorf("%w: window from %s to %s is longer than %s", ErrEffect,
			start.Format(time.RFC3339), end.Format(time.RFC3339), FormatDuration(maxRel))
	}
	var a, b dueWalk
	if err := a.init(from, "from", start, end); err != nil {
		return Effect{}, err
	}
	if err := b.init(to, "to", start, end); err != nil {
		return Effect{}, err
	}
	var s effectSum
	sa, sb := a.next(), b.next()
	for pos := int64(0); pos < n; {
		y := min(sa.end, sb.end, n)
		s.add(pos, y-pos, sb.at(pos)-sa.at(pos), sb.slope-sa.slope)
		pos = y
		if sa.end == y {
			sa = a.next()
		}
		if sb.end == y {
			sb = b.next()
		}
	}
	return s.effect(start), nil
}

// segment is a stretch [start, end) of opening instants, relative to the
// window's start, on which the deadline, relative to the window's start
// too, is due + slope*(t - start).
type segment struct {
	start, end, due, slope int64
}

// at returns the deadline of the opening t, which lies in the segment.
func (s segment) at(t int64) int64 { return s.due + s.slope*(t-s.start) }

// dueWalk lists the deadlines of a clock as segments, in order, from the
// window's start on. With v the open time between the window's start and
// an opening t, the deadline is the first instant at which v + Within of
// open time has passed since the start: the walk keeps two open walks, one
// over the openings and one over the deadlines, and advances both by the
// same open time.
type dueWalk struct {
	mode   int // dueAlways, dueNext or dueAdd
	within int64
	cur    int64 // the next opening to cover
	v      int64 // open time from the window's start to cur

	t      openWalk
	ts, te int64 // the current open stretch of openings

	d      openWalk
	ds, de int64 // the current open stretch of deadlines
	m      int64 // open time from the deadline of the start to ds, less one
}

const (
	dueAlways = iota // 24x7: due = t + Within
	dueNext          // Within 0: due = the first open instant at or after t
	dueAdd           // the general case
)

// init validates c (side names it in errors) and starts its walk over the
// window [start, end).
func (w *dueWalk) init(c Clock, side string, start, end time.Time) error {
	if c.Calendar == nil {
		return fmt.Errorf("%w: %s clock has no calendar", ErrEffect, side)
	}
	if c.Within < 0 || c.Within > MaxWithin {
		return fmt.Errorf("%w: %s clock %s: response time outside 0 to %s", ErrEffect, side, c, FormatDuration(MaxWithin))
	}
	if last := relTo(start, c.Due(end)); last >= maxRel {
		return fmt.Errorf("%w: %s clock %s: deadlines fall more than %s after the window's start", ErrEffect, side, c, FormatDuration(maxRel))
	}
	*w = dueWalk{within: int64(c.Within)}
	cal := c.Calendar
	switch {
	case cal.always:
		w.mode = dueAlways
		return nil
	case c.Within == 0:
		w.mode = dueNext
	default:
		w.mode = dueAdd
		first := c.Due(start) // the calendar is open just before it
		w.d.init(cal, cal.location(start), start, first.Add(-time.Nanosecond))
		w.ds, w.de = w.d.next()
		w.m = -1
	}
	w.t.init(cal, cal.location(start), start, start)
	w.ts, w.te = w.t.next()
	return nil
}

// next returns the segment that starts at the first opening not yet
// covered.
func (w *dueWalk) next() segment {
	switch w.mode {
	case dueAlways:
		return segment{start: w.cur, end: maxRel, due: w.cur + w.within, slope: 1}
	case dueNext:
		if w.cur < w.ts {
			s := segment{start: w.cur, end: w.ts, due: w.ts}
			w.cur = w.ts
			return s
		}
		s := segment{start: w.cur, end: w.te, due: w.cur, slope: 1}
		w.cur = w.te
		w.ts, w.te = w.t.next()
		return s
	}
	// The deadline of v is ds + v - m while v - m lies in [1, de - ds]: the
	// first instant at which the open time has passed, so the closing
	// instant de rather than the next opening.
	for w.v-w.m > w.de-w.ds {
		w.m += w.de - w.ds
		w.ds, w.de = w.d.next()
	}
	if w.cur < w.ts {
		s := segment{start: w.cur, end: w.ts, due: w.ds + w.v - w.m}
		w.cur = w.ts
		return s
	}
	n := min(w.te-w.cur, w.de-w.ds-(w.v-w.m)+1)
	s := segment{start: w.cur, end: w.cur + n, due: w.ds + w.v - w.m, slope: 1}
	w.cur += n
	w.v += n
	if w.cur == w.te {
		w.ts, w.te = w.t.next()
	}
	return s
}

// effectSum accumulates the extremes and signs of the difference over the
// linear pieces of a sweep, in order.
type effectSum struct {
	started        bool
	min, max       int64
	minAt, maxAt   int64
	earlier, later int64

	// The runs of openings of one sign of f, for lone zeros: the sign of
	// the run before the current one (prevOK when there is one), the sign
	// of the current run and its length so far.
	prev, cur int64
	prevOK    bool
	curLen    int64
}

// add takes in the n openings from pos on, at which the difference is
// f + slope*k for k from 0 to n-1 (slope -1, 0 or 1).
func (s *effectSum) add(pos, n, f, slope int64) {
	last := f + slope*(n-1)
	lo, loAt, hi, hiAt := f, pos, f, pos
	if slope < 0 {
		lo, loAt = last, pos+n-1
	} else if slope > 0 {
		hi, hiAt = last, pos+n-1
	}
	if !s.started || lo < s.min {
		s.min, s.minAt = lo, loAt
	}
	if !s.started || hi > s.max {
		s.max, s.maxAt = hi, hiAt
	}
	if sg := sign(f); s.started && n > 0 && sg == s.cur && sign(last) == sg {
		// The common case: the openings continue the current run (f
		// keeps its sign from first to last, so it never crosses zero).
		s.curLen += n
		s.count(sg, n)
		return
	}
	clamp := func(k int64) int64 { return min(max(k, 0), n) }
	switch slope {
	case 0:
		s.run(sign(f), n)
	case 1: // f + k < 0 for k < -f, 0 at k = -f, > 0 for k > -f
		neg, zero := clamp(-f), clamp(1-f)-clamp(-f)
		s.run(-1, neg)
		s.run(0, zero)
		s.run(1, n-neg-zero)
	default: // f - k > 0 for k < f, 0 at k = f, < 0 for k > f
		pos, zero := clamp(f), clamp(f+1)-clamp(f)
		s.run(1, pos)
		s.run(0, zero)
		s.run(-1, n-pos-zero)
	}
	s.started = true
}

// run takes in the next n openings, at which f has the sign sg, counting
// them as earlier or later. A lone opening at which f is zero, between two
// at which it is not, is counted with the run before it (see [Effect]).
func (s *effectSum) run(sg, n int64) {
	if n == 0 {
		return
	}
	switch {
	case s.started && sg == s.cur:
		s.curLen += n
	case s.started && s.prevOK && s.cur == 0 && s.curLen == 1 && sg == s.prev:
		s.count(sg, 1) // the lone zero joins the runs on both sides
		s.cur, s.curLen = sg, 2+n
	case s.started && s.prevOK && s.cur == 0 && s.curLen == 1:
		s.count(s.prev, 1) // the lone zero ends the run before it
		s.cur, s.curLen = sg, n
	default:
		s.prev, s.prevOK = s.cur, s.started
		s.cur, s.curLen = sg, n
	}
	s.count(sg, n)
	s.started = true
}

// count adds n openings of sign sg to the earlier or later measure.
func (s *effectSum) count(sg, n int64) {
	switch sg {
	case -1:
		s.earlier += n
	case 1:
		s.later += n
	}
}

// sign returns -1, 0 or 1 as v is negative, zero or positive.
func sign(v int64) int64 {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

// effect returns the Effect the sum describes, for a window starting at
// start.
func (s *effectSum) effect(start time.Time) Effect {
	e := Effect{
		Min: time.Duration(s.min), Max: time.Duration(s.max),
		MinAt: start.Add(time.Duration(s.minAt)), MaxAt: start.Add(time.Duration(s.maxAt)),
		Earlier: time.Duration(s.earlier), Later: time.Duration(s.later),
	}
	switch {
	case s.min == 0 && s.max == 0:
		e.Kind = Unchanged
	case s.min >= 0:
		e.Kind = Degraded
	case s.max <= 0:
		e.Kind = Improved
	default:
		e.Kind = Mixed
	}
	return e
}

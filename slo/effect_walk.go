package slo

import (
	"math"
	"slices"
	"time"
)

// openWalk lists the open stretches of a calendar as instants, in order,
// from a given instant on. Positions are nanoseconds relative to a base
// instant, so that the sweep in EffectIn works on plain integers. It maps
// instants onto the local timeline piece by piece exactly as measure and
// advance do, so the open time it reports agrees with Elapsed and Add to
// the nanosecond, clock changes included. Stretches may touch (a day
// ending at 24:00 and the next starting at 00:00 come out as two).
type openWalk struct {
	c         *Calendar
	loc       *time.Location
	base      time.Time
	bsec, bns int64 // the base instant: Unix seconds and nanoseconds
	p         piece
	pEndRel   int64 // p's end relative to the base; MaxInt64 when endless or beyond
	dayRel    int64 // the local midnight of day, relative to the base (non-flat pieces)
	day       int64 // the local day being listed
	wd        int   // its weekday
	offIdx    int   // the first of c.off not before day
	span      int   // the next span of day to list
	pos       int64 // nothing before pos is listed
}

// init starts a walk over c, which is not always open, listing the open
// time from the instant from on, read in loc, relative to base.
func (w *openWalk) init(c *Calendar, loc *time.Location, base, from time.Time) {
	*w = openWalk{c: c, loc: loc, base: base, bsec: base.Unix(), bns: int64(base.Nanosecond())}
	w.pos = relTo(base, from)
	w.enter(from.In(loc))
}

// relTo returns t - base in nanoseconds, saturated at the int64 range.
func relTo(base, t time.Time) int64 { return int64(t.Sub(base)) }

// enter makes the piece containing u (in the calendar's location) current.
func (w *openWalk) enter(u time.Time) {
	w.p = pieceAt(u)
	if w.p.endless {
		w.pEndRel = math.MaxInt64
	} else {
		w.pEndRel = relTo(w.base, w.p.end)
	}
	if !w.p.flat {
		lp := localOf(u, w.p.off)
		w.day, w.span = lp.day, 0
		w.wd = weekdayOf(w.day)
		w.offIdx, _ = slices.BinarySearch(w.c.off, w.day)
		w.dayRel = ((w.day*86400-w.p.off)-w.bsec)*1e9 - w.bns
	}
}

// next returns the next open stretch [s, e), relative to the base, with s
// at or after every stretch returned before. The calendar is open some
// time every week outside finitely many closed days, so there always is one.
func (w *openWalk) next() (s, e int64) {
	for {
		if w.pos >= w.pEndRel {
			w.enter(w.p.end.In(w.loc))
			continue
		}
		if w.p.flat {
			s, e = w.pos, w.pEndRel
			w.pos = e
			if w.c.openAt(w.p.at) {
				return s, e
			}
			continue
		}
		spans := w.c.week[w.wd]
		if w.span >= len(spans) || (w.span == 0 && w.offIdx < len(w.c.off) && w.c.off[w.offIdx] == w.day) {
			w.day++
			w.span = 0
			if w.wd++; w.wd == 7 {
				w.wd = 0
			}
			for w.offIdx < len(w.c.off) && w.c.off[w.offIdx] < w.day {
				w.offIdx++
			}
			w.dayRel += dayNs
			if w.dayRel >= w.pEndRel {
				w.pos = w.pEndRel
			}
			continue
		}
		sp := spans[w.span]
		w.span++
		s, e = max(w.dayRel+int64(sp.Start), w.pos), min(w.dayRel+int64(sp.End), w.pEndRel)
		if e > s {
			w.pos = e
			return s, e
		}
		if s >= w.pEndRel {
			w.pos = w.pEndRel
		}
	}
}

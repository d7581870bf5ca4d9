package slo

import "time"

// Positions on the local timeline, and the pieces of time that map
// instants onto it.
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

// This file measures the week grid: what a move between two tiers does to
// the response deadlines of one account, hour of the week by hour of the
// week.

package picture

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Days is the number of rows of a grid, and Hours the number of columns.
const (
	Days  = 7
	Hours = 24
)

// Cell is the effect of the move on the cases opened in one hour of the
// week, over every occurrence of that hour in the window.
type Cell struct {
	// Openings is the time, on the wall clock of the account's zone, during
	// which a case opened in the window reads this hour of the week: an
	// hour a week, less where the window or a clock change cuts it, more
	// where the clocks go back and read it twice. Zero when no instant of
	// the window falls in it; every other field is then zero too.
	Openings time.Duration

	// Earlier and Later are the parts of Openings during which a case
	// opened is due earlier and later (slo.Effect's measures, summed);
	// the rest keeps its deadline.
	Earlier, Later time.Duration

	// Min and Max are the extremes of due(to) − due(from) over those
	// openings: a negative Min is the most a response moves earlier, a
	// positive Max the most it moves later. When every opening of the cell
	// is due later, Min is positive too (the least it moves later); when
	// every one is due earlier, Max is negative.
	Min, Max time.Duration
}

// Direction is what the openings of a cell do to their deadline.
type Direction int

// The directions of a cell, as Cell.Most gives them.
const (
	NoOpenings Direction = iota // the cell has no openings
	Same                        // the deadline does not move
	Later                       // the deadline moves later
	Earlier                     // the deadline moves earlier
)

var directionNames = [...]string{"none", "same", "later", "earlier"}

// String names the direction: "none", "same", "later" or "earlier".
func (d Direction) String() string {
	if d < 0 || int(d) >= len(directionNames) {
		return fmt.Sprintf("Direction(%d)", int(d))
	}
	return directionNames[d]
}

// Same returns the part of Openings during which a case opened keeps its
// deadline.
func (c Cell) Same() time.Duration { return c.Openings - c.Earlier - c.Later }

// Most returns what most of the cell's openings do, by opening time: Later,
// Earlier or Same, whichever covers the most of Openings; a tie goes to
// Same, then to Later. A cell without openings is NoOpenings. The
// extremes may go the other way: a cell whose openings are mostly due a
// little later can hold one due much earlier.
func (c Cell) Most() Direction {
	same := c.Same()
	switch {
	case c.Openings == 0:
		return NoOpenings
	case same >= c.Later && same >= c.Earlier:
		return Same
	case c.Later >= c.Earlier:
		return Later
	}
	return Earlier
}

// Grid is one priority's week.
type Grid struct {
	Priority slo.Priority
	From, To slo.Target // the targets compared
	Effect   slo.Effect // over the whole window

	// Cells are indexed by day, Monday first (0) to Sunday (6), then by
	// the hour of opening in the account's zone (0 to 23).
	Cells [Days][Hours]Cell
}

// Week is the effect of a move on every priority both tiers have.
type Week struct {
	From, To string         // the tiers, by id
	Scope    rules.Scope    // the account and the window
	Location *time.Location // the account's zone; WeekGrid reads nil as UTC
	Grids    []Grid         // in priority order; priorities a tier lacks have none
}

// DayIndex returns the row of weekday d: Monday 0 to Sunday 6.
func DayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// MeasureWeek measures the move from tier from to tier to, for the account
// and window of s, hour of the week by hour of the week. Each cell is
// exact: the window is cut wherever the wall clock of the account's zone
// (UTC when s.Zone is empty) changes hour, each piece is compared with
// Engine.CompareIn, and the cell of the day and hour the clock reads during
// it keeps the extremes and adds the measures. An hour the clocks read
// twice when they go back holds both readings, in every zone. A year takes
// about 8,760 comparisons. Errors are CompareIn's. It
// is safe for concurrent use.
func MeasureWeek(e *rules.Engine, from, to string, s rules.Scope) (Week, error) {
	changes, err := e.CompareIn(from, to, s)
	if err != nil {
		return Week{}, err
	}
	a, err := e.Tier(from)
	if err != nil {
		return Week{}, err
	}
	b, err := e.Tier(to)
	if err != nil {
		return Week{}, err
	}
	loc, err := slo.ZoneOrUTC(s.Zone) // checked by CompareIn
	if err != nil {
		return Week{}, err
	}
	p := Week{From: a.ID, To: b.ID, Scope: s, Location: loc}
	index := p.addGrids(changes)
	if len(p.Grids) == 0 {
		return p, nil
	}
	end := s.To.In(loc)
	piece := s // the scope of one piece of the window, reused
	for t := s.From.In(loc); t.Before(end); t = piece.To {
		piece.From, piece.To = t, minTime(wallHourEnd(t), end)
		chs, err := e.CompareIn(from, to, piece)
		if err != nil {
			return Week{}, fmt.Errorf("%s: %w", t.Format(time.RFC3339), err)
		}
		p.widen(index, chs, DayIndex(t.Weekday()), t.Hour(), piece.To.Sub(t))
	}
	return p, nil
}

// addGrids adds a grid for each change with an effect and returns the
// index in p.Grids of each change's grid, or -1 for a change without one.
func (p *Week) addGrids(changes []slo.Change) []int {
	index := make([]int, len(changes))
	for i, ch := range changes {
		index[i] = -1
		if ch.Effect != nil {
			index[i] = len(p.Grids)
			p.Grids = append(p.Grids, Grid{Priority: ch.Priority, From: ch.From, To: ch.To, Effect: *ch.Effect})
		}
	}
	return index
}

// widen widens the cell of day row and hour h of each grid to the effects
// of chs, the changes of the openings during span; index is addGrids's.
func (p *Week) widen(index []int, chs []slo.Change, row, h int, span time.Duration) {
	for i, ch := range chs {
		if index[i] < 0 || ch.Effect == nil {
			continue
		}
		c := &p.Grids[index[i]].Cells[row][h]
		if c.Openings == 0 {
			c.Min, c.Max = ch.Effect.Min, ch.Effect.Max
		}
		c.Openings += span
		c.Earlier += ch.Effect.Earlier
		c.Later += ch.Effect.Later
		c.Min, c.Max = min(c.Min, ch.Effect.Min), max(c.Max, ch.Effect.Max)
	}
}

// wallHourEnd returns the first instant after t at which the wall clock
// of t's location leaves the hour it reads at t: the next full hour, or a
// clock change before it. Every instant from t to then reads the same day
// and hour.
func wallHourEnd(t time.Time) time.Time {
	into := time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond())
	next := t.Add(time.Hour - into)
	if _, change := t.ZoneBounds(); !change.IsZero() && change.Before(next) {
		return change
	}
	return next
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

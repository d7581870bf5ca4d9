// Package weekgrid draws what a move between two tiers does to the response
// deadlines of one account, hour of the week by hour of the week: for each
// priority, a grid of 7 days by 24 hours of opening time in the account's
// zone, each cell coloured by the most a response moves later or earlier for
// the cases opened in that hour anywhere in a window. It is presentation for
// the command line; the effects come from rules.Engine.CompareIn.
package weekgrid

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
	// Openings is false when no instant of the window falls in this hour
	// of the week (a window shorter than a week, or the hour a clock change
	// skips); Min and Max are then zero.
	Openings bool

	// Min and Max are the extremes of due(to) − due(from) over those
	// openings: a negative Min is the most a response moves earlier, a
	// positive Max the most it moves later. When every opening of the cell
	// is due later, Min is positive too (the least it moves later); when
	// every one is due earlier, Max is negative.
	Min, Max time.Duration
}

// Extreme returns the larger move of the cell, signed: Max when it is at
// least as large as -Min, Min otherwise.
func (c Cell) Extreme() time.Duration {
	if c.Max >= -c.Min {
		return c.Max
	}
	return c.Min
}

// Mixed reports whether some openings of the cell are due earlier and some
// later.
func (c Cell) Mixed() bool { return c.Min < 0 && c.Max > 0 }

// Grid is one priority's week.
type Grid struct {
	Priority slo.Priority
	From, To slo.Target // the targets compared
	Effect   slo.Effect // over the whole window

	// Cells are indexed by day, Monday first (0) to Sunday (6), then by
	// the hour of opening in the account's zone (0 to 23).
	Cells [Days][Hours]Cell
}

// Picture is the effect of a move on every priority both tiers have.
type Picture struct {
	From, To string      // the tiers, by id
	Scope    rules.Scope // the account and the window
	Location *time.Location
	Grids    []Grid // in priority order; priorities a tier lacks have none
}

// DayIndex returns the row of weekday d: Monday 0 to Sunday 6.
func DayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// Compute builds the picture of moving from tier from to tier to, for the
// account and window of s. Each cell is exact: for every day of the window,
// the hour of that day in the account's zone (clipped to the window) is
// compared with Engine.CompareIn, and the cell keeps the extremes over all
// of them. A year takes 8,760 comparisons. Errors are CompareIn's.
func Compute(e *rules.Engine, from, to string, s rules.Scope) (Picture, error) {
	changes, err := e.CompareIn(from, to, s)
	if err != nil {
		return Picture{}, err
	}
	a, err := e.Tier(from)
	if err != nil {
		return Picture{}, err
	}
	b, err := e.Tier(to)
	if err != nil {
		return Picture{}, err
	}
	loc, err := slo.ZoneOrUTC(s.Zone) // checked by CompareIn
	if err != nil {
		return Picture{}, err
	}
	p := Picture{From: a.ID, To: b.ID, Scope: s, Location: loc}
	index := p.addGrids(changes)
	if len(p.Grids) == 0 {
		return p, nil
	}
	start, end := s.From.In(loc), s.To.In(loc)
	hour := s // the scope of one hour, reused
	for y, m, d := start.Date(); ; d++ {
		day := time.Date(y, m, d, 0, 0, 0, 0, loc)
		if !day.Before(end) {
			break
		}
		row := DayIndex(day.Weekday())
		for h := range Hours {
			first, last, ok := hourSpan(y, m, d, h, loc)
			if !ok {
				continue
			}
			hour.From, hour.To = maxTime(first, start), minTime(last, end)
			if !hour.To.After(hour.From) {
				continue
			}
			chs, err := e.CompareIn(from, to, hour)
			if err != nil {
				return Picture{}, fmt.Errorf("%s: %w", hour.From.Format(time.RFC3339), err)
			}
			p.widen(index, chs, row, h)
		}
	}
	return p, nil
}

// addGrids adds a grid for each change with an effect and returns the
// index in p.Grids of each change's grid, or -1 for a change without one.
func (p *Picture) addGrids(changes []slo.Change) []int {
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
// of chs, the changes of one hour; index is addGrids's.
func (p *Picture) widen(index []int, chs []slo.Change, row, h int) {
	for i, ch := range chs {
		if index[i] < 0 || ch.Effect == nil {
			continue
		}
		c := &p.Grids[index[i]].Cells[row][h]
		if !c.Openings {
			*c = Cell{Openings: true, Min: ch.Effect.Min, Max: ch.Effect.Max}
			continue
		}
		c.Min, c.Max = min(c.Min, ch.Effect.Min), max(c.Max, ch.Effect.Max)
	}
}

// hourSpan returns the instants [from, to) at which the clocks of loc read
// hour h of day y-m-d: one hour, two when the clocks go back during it, less
// when they skip part of it; ok is false when they skip all of it.
func hourSpan(y int, m time.Month, d, h int, loc *time.Location) (from, to time.Time, ok bool) {
	from, ok = hourStart(y, m, d, h, loc)
	if !ok {
		return from, to, false
	}
	if to, ok = hourStart(y, m, d, h+1, loc); !ok {
		// The next hour is skipped: this one ends when the clocks jump.
		_, to = time.Date(y, m, d, h+1, 0, 0, 0, loc).ZoneBounds()
	}
	return from, to, to.After(from)
}

// hourStart returns the first instant at which the clocks of loc read hour
// h of day y-m-d (h 24 is the next day's 00), or false when they never do.
func hourStart(y int, m time.Month, d, h int, loc *time.Location) (time.Time, bool) {
	t := time.Date(y, m, d, h, 0, 0, 0, loc)
	if t.Hour() == h%24 {
		return t, true
	}
	// time.Date reads a time the clocks skip in the zone before the jump;
	// the hour may still begin, part way, when they land in it.
	_, t = t.ZoneBounds()
	return t, t.Hour() == h%24 && t.Day() == time.Date(y, m, d, h, 0, 0, 0, time.UTC).Day()
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

package slo

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrExplainLimit is wrapped by the error Calendar.Explain returns when the
// walk to the due instant would take more than MaxSteps steps.
var ErrExplainLimit = fault.New(fault.Limit, "explanation too long")

// MaxSteps bounds the steps (stretches of open time, closures and pauses,
// after merging) of one Calendar.Explain walk. A P4 target of a few weeks
// on business hours takes a few dozen.
const MaxSteps = 5000

// StepKind says what a Step of a walk is: open time counted, or a closure
// with its cause, or a pause.
type StepKind int

// The kinds of step. The zero value is Open.
const (
	Open         StepKind = iota // the clock runs: the step's open time counts
	OutsideHours                 // closed on an open day, outside its hours
	Weekend                      // closed all day: the weekday has no hours
	Holiday                      // closed all day: a public holiday (Holiday, Country)
	ClosedDate                   // closed all day: one of the calendar's closed dates
	Paused                       // the case's clock is paused
)

var stepNames = [...]string{"open", "outside hours", "weekend", "holiday", "closed date", "paused"}

// String returns the kind's name: "open", "outside hours", "weekend",
// "holiday", "closed date" or "paused".
func (k StepKind) String() string {
	if k < 0 || int(k) >= len(stepNames) {
		return fmt.Sprintf("StepKind(%d)", int(k))
	}
	return stepNames[k]
}

// MarshalText returns the kind's name, as String does.
func (k StepKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Step is one stretch of a walk from a start instant to a due instant:
// open time counted (Kind Open, with its Open time), or time skipped, with
// its cause. Consecutive whole closed days of one cause (a weekend, the
// days of one holiday) are one step.
type Step struct {
	Kind     StepKind
	From, To time.Time     // [From, To), in the walk's zone
	Open     time.Duration // the open time counted: To-From for Open, else 0
	Holiday  string        // the holiday's name, for Kind Holiday ("Christmas Day (observed)")
	Country  string        // the holiday's country code, for Kind Holiday ("us")
}

// ClockChange is a change of the zone's UTC offset (a daylight saving
// change) crossed by a walk.
type ClockChange struct {
	At       time.Time // the instant of the change, in the walk's zone
	From, To string    // the zone's abbreviations before and after ("EST", "EDT")
	Shift    time.Duration
}

// Walk is the path from a start instant to the instant a target's open
// time has passed: its steps tile [Start, Due) with no gap or overlap, the
// Open steps' open time adds up to Within, and Due is what Calendar.Add
// gives. The zero value is an empty walk.
type Walk struct {
	Start, Due time.Time
	Within     time.Duration
	Steps      []Step
	Changes    []ClockChange
}

// Explain walks from start until within of open time has passed, the
// pauses not counting, as Add does, and returns every step: each stretch of
// open time counted and each closure or pause skipped, with its cause, and
// the clock changes crossed. The walk's instants are in the calendar's zone
// (start's location for an account-zone calendar); Due equals Add(start,
// within, pauses...). It fails with an error wrapping ErrExplainLimit when
// the walk would take more than MaxSteps steps.
func (c *Calendar) Explain(start time.Time, within time.Duration, pauses ...Interval) (Walk, error) {
	loc := c.location(start)
	w := walker{c: c, loc: loc, rem: max(int64(within), 0)}
	w.ps = mergePauses(nil, pauses, loc)
	u := start.In(loc)
	out := Walk{Start: u, Within: within}
	for budget := MaxSteps * 16; ; budget-- {
		if budget == 0 || len(w.steps) > MaxSteps {
			return Walk{}, fmt.Errorf("%w: the walk from %s takes more than %d steps", ErrExplainLimit,
				u.Format(time.RFC3339), MaxSteps)
		}
		next, done := w.step(u)
		n1, o1 := u.Zone()
		if n2, o2 := next.Zone(); o1 != o2 {
			w.changes = append(w.changes, ClockChange{At: next, From: n1, To: n2, Shift: time.Duration(o2-o1) * time.Second})
		}
		u = next
		if done {
			break
		}
	}
	out.Due, out.Steps, out.Changes = u, w.steps, w.changes
	return out, nil
}

// walker holds the state of one Explain walk.
type walker struct {
	c       *Calendar
	loc     *time.Location
	ps      []Interval // merged pauses, in loc
	rem     int64      // open time still to count
	steps   []Step
	changes []ClockChange
}

// step takes one step from u: to the next instant at which the clock, the
// cause of a closure or the zone's offset may change, or to the due
// instant. It reports done when u is the due instant.
func (w *walker) step(u time.Time) (time.Time, bool) {
	for len(w.ps) > 0 && !w.ps[0].End.After(u) {
		w.ps = w.ps[1:]
	}
	if len(w.ps) > 0 && !w.ps[0].Start.After(u) {
		end := w.ps[0].End
		w.add(Step{Kind: Paused, From: u, To: end})
		return end, false
	}
	s, b := w.state(u)
	if len(w.ps) > 0 && w.ps[0].Start.Before(b) {
		b = w.ps[0].Start
	}
	if s.Kind != Open {
		s.From, s.To = u, b
		w.add(s)
		return b, false
	}
	if w.rem == 0 {
		return u, true
	}
	if span := int64(b.Sub(u)); span < w.rem {
		w.rem -= span
	} else {
		b = u.Add(time.Duration(w.rem))
		w.rem = 0
	}
	w.add(Step{Kind: Open, From: u, To: b, Open: b.Sub(u)})
	return b, w.rem == 0
}

// state returns the step at u (its kind and cause) and the next instant
// after u at which it may change: a span boundary, a midnight, the end of
// the zone's offset or of a clock's stand-still after it went back.
func (w *walker) state(u time.Time) (Step, time.Time) {
	c := w.c
	p := pieceAt(u)
	var s Step
	var b time.Time
	switch {
	case c.always:
		b = u.Add(time.Duration(w.rem))
	case p.flat:
		s, b = c.stepAt(p.at), p.end
	default:
		a := localOf(u, p.off)
		s = c.stepAt(a)
		b = lpos{a.day, c.change(a)}.instant(p.off, w.loc)
	}
	if !p.endless && p.end.Before(b) {
		b = p.end
	}
	return s, b
}

// stepAt returns the kind and cause of the local position a.
func (c *Calendar) stepAt(a lpos) Step {
	wd := weekdayOf(a.day)
	switch {
	case c.dayTotal[wd] == 0:
		return Step{Kind: Weekend}
	case c.isOff(a.day):
		if name, country, ok := c.holidayOn(a.day); ok {
			return Step{Kind: Holiday, Holiday: name, Country: country}
		}
		return Step{Kind: ClosedDate}
	case c.openAt(a):
		return Step{Kind: Open}
	}
	return Step{Kind: OutsideHours}
}

// change returns the nanoseconds after the midnight of a.day of the first
// span boundary after a, or dayNs (the next midnight). A whole closed day
// has none.
func (c *Calendar) change(a lpos) int64 {
	wd := weekdayOf(a.day)
	if c.dayTotal[wd] == 0 || c.isOff(a.day) {
		return dayNs
	}
	for _, sp := range c.week[wd] {
		if int64(sp.Start) > a.ns {
			return int64(sp.Start)
		}
		if int64(sp.End) > a.ns {
			return int64(sp.End)
		}
	}
	return dayNs
}

// add appends s, merged into the last step when it continues it with the
// same kind and cause.
func (w *walker) add(s Step) {
	if !s.To.After(s.From) {
		return
	}
	if n := len(w.steps); n > 0 {
		l := &w.steps[n-1]
		if l.To.Equal(s.From) && l.Kind == s.Kind && l.Holiday == s.Holiday && l.Country == s.Country && s.Kind != Open {
			l.To = s.To
			return
		}
		if l.To.Equal(s.From) && s.Kind == Open && l.Kind == Open {
			l.To, l.Open = s.To, l.Open+s.Open
			return
		}
	}
	w.steps = append(w.steps, s)
}

// holidayOn returns the name and country of a public holiday of the
// calendar's countries on day (actual or observed), the first country in
// code order when several.
func (c *Calendar) holidayOn(day int64) (name, country string, ok bool) {
	y, m, d := civilDate(day)
	for _, code := range c.holidays {
		for _, h := range holidaySets[code] {
			for _, year := range [3]int64{y - 1, y, y + 1} {
				if year < FirstHolidayYear || year > LastHolidayYear {
					continue
				}
				actual, observed := h.Calc(int(year))
				if sameDate(actual, y, m, d) {
					return h.Name, code, true
				}
				if sameDate(observed, y, m, d) {
					return h.Name + " (observed)", code, true
				}
			}
		}
	}
	return "", "", false
}

// sameDate reports whether t (not zero) falls on the civil date y-m-d. A
// holiday's zero date is none that year (the years are FirstHolidayYear
// on, never 0001-01-01).
func sameDate(t time.Time, y, m, d int64) bool {
	if t.IsZero() {
		return false
	}
	ty, tm, td := t.Date()
	return int64(ty) == y && int64(tm) == m && int64(td) == d
}

// In returns the walk with every instant in loc.
func (w Walk) In(loc *time.Location) Walk {
	out := Walk{Start: w.Start.In(loc), Due: w.Due.In(loc), Within: w.Within,
		Steps: make([]Step, len(w.Steps)), Changes: make([]ClockChange, len(w.Changes))}
	for i, s := range w.Steps {
		s.From, s.To = s.From.In(loc), s.To.In(loc)
		out.Steps[i] = s
	}
	for i, c := range w.Changes {
		c.At = c.At.In(loc)
		out.Changes[i] = c
	}
	return out
}

package answer

import (
	"time"

	"github.com/tiercel/tiercel/rules"
)

// Timeline is the answer to "where does every clock of a case stand": the
// case as opened, the zone its instants are written in, its state at Now,
// and the cycles of each metric. Zone is an IANA name, as
// [Deadline].Zone: the case's zone, else the own zone of the calendar of
// its first response cycle, else "UTC".
type Timeline struct {
	Case     TimelineCase `json:"case"`
	Zone     string       `json:"zone,omitempty"`
	Now      Instant      `json:"now"`
	Status   string       `json:"status"`
	Priority string       `json:"priority"`
	Tier     string       `json:"tier"`
	Metrics  []Metric     `json:"metrics"`
}

// TimelineCase is the case a timeline was computed for, as opened, and
// the number of its events.
type TimelineCase struct {
	Tier     string  `json:"tier"`
	Priority string  `json:"priority"`
	Opened   Instant `json:"opened"`
	Zone     string  `json:"zone,omitempty"`
	Events   int     `json:"events"`
}

// Metric is the cycles of one metric, in order.
type Metric struct {
	Metric string  `json:"metric"`
	Cycles []Cycle `json:"cycles"`
}

// Cycle is one run of a metric's clock. Target, Due and the warnings are
// absent when the tier promises nothing for the priority; End is null
// while the cycle runs or is paused.
type Cycle struct {
	Cycle    int        `json:"cycle"` // 1 for the first
	State    string     `json:"state"`
	Start    Instant    `json:"start"`
	Tier     string     `json:"tier"`
	Priority string     `json:"priority"`
	Target   *Target    `json:"target"`
	Rule     string     `json:"rule"`
	Due      *Instant   `json:"due"`
	End      *Instant   `json:"end"`
	Elapsed  Duration   `json:"elapsed"`
	Paused   Duration   `json:"paused"`
	Pauses   []Interval `json:"pauses"`
	Breached bool       `json:"breached"`
	Overdue  Duration   `json:"overdue"`
	Warnings []Warning  `json:"warnings"`
}

// Interval is a stretch of time, a pause of a cycle.
type Interval struct {
	Start Instant `json:"start"`
	End   Instant `json:"end"`
}

// Warning is the instant a share of a cycle's target passes, and whether
// the cycle reached it.
type Warning struct {
	Percent int     `json:"percent"`
	At      Instant `json:"at"`
	Reached bool    `json:"reached"`
}

// NewTimeline returns the answer for the timeline tl of case c, which has
// events events. Instants are shown in the timeline's zone, tl.Location,
// which Zone names (as they are, and Zone is c.Zone, when it is nil).
func NewTimeline(c rules.Case, events int, tl rules.Timeline) Timeline {
	loc := tl.Location
	out := Timeline{
		Case: TimelineCase{Tier: c.Tier, Priority: c.Priority.String(), Opened: At(in(c.Opened, loc)), Zone: c.Zone, Events: events},
		Zone: zoneOf(loc, c.Zone), Now: At(in(tl.Now, loc)), Status: tl.Status, Priority: tl.Priority.String(), Tier: tl.Tier,
		Metrics: make([]Metric, 0, len(tl.Metrics)),
	}
	for _, m := range tl.Metrics {
		ml := Metric{Metric: m.Metric, Cycles: make([]Cycle, 0, len(m.Cycles))}
		for i, cy := range m.Cycles {
			ml.Cycles = append(ml.Cycles, newCycle(i+1, cy, loc))
		}
		out.Metrics = append(out.Metrics, ml)
	}
	return out
}

// newCycle returns the n-th cycle of a metric, cy, with its instants in loc.
func newCycle(n int, cy rules.Cycle, loc *time.Location) Cycle {
	out := Cycle{
		Cycle: n, State: cy.State.String(), Start: At(in(cy.Start, loc)), Tier: cy.Tier,
		Priority: cy.Priority.String(), Target: NewTarget(cy.Target), Rule: cy.Rule,
		Due: AtOrNull(in(cy.Due, loc)), End: AtIf(in(cy.End, loc), cy.Ended()),
		Elapsed: NewDuration(cy.Elapsed), Paused: NewDuration(cy.Paused), Pauses: make([]Interval, 0, len(cy.Pauses)),
		Breached: cy.Breached, Overdue: NewDuration(cy.Overdue), Warnings: []Warning{},
	}
	for _, p := range cy.Pauses {
		out.Pauses = append(out.Pauses, Interval{Start: At(in(p.Start, loc)), End: At(in(p.End, loc))})
	}
	if !cy.Due.IsZero() {
		for _, w := range cy.Warnings {
			out.Warnings = append(out.Warnings, Warning{Percent: w.Fraction, At: At(in(w.At, loc)), Reached: w.Reached})
		}
	}
	return out
}

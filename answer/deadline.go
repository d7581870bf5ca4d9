package answer

import (
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Deadline is the answer to "when is the initial response to a case due":
// the case as decided, the instant due, the target and the rule that
// decided, and, when asked at an instant, where the case stands.
//
// Zone is the IANA name of the zone the case was decided in, in which
// every instant of the answer is written: the case's zone, else the own
// zone of the calendar that decided ("Europe/Berlin"), else "UTC". The
// offsets of the instants say where they are; Zone says which rules of
// the clock (daylight saving) apply around them, so that a reader can put
// them back in that zone.
type Deadline struct {
	Tier     string  `json:"tier"`
	Priority string  `json:"priority"`
	Opened   Instant `json:"opened"`
	Zone     string  `json:"zone,omitempty"`
	Due      Instant `json:"due"`
	Target   *Target `json:"target"`
	Rule     string  `json:"rule"`
	Status   *Status `json:"status,omitempty"`
}

// Status is where a case stands at an instant: the open time elapsed and
// remaining (negative once overdue), whether the target is breached, and
// the instants at which 50%, 75% and 100% of it pass.
type Status struct {
	Now       Instant   `json:"now"`
	Elapsed   Duration  `json:"elapsed"`
	Remaining Duration  `json:"remaining"`
	Breached  bool      `json:"breached"`
	Warnings  []Instant `json:"warnings"`
}

// NewDeadline returns the answer for case c on the tier whose id is tier,
// decided as d and, when st is not nil, standing as st at *c.Now (or
// c.Opened when Now is nil). Instants
// are shown in the zone of the decision, d.Location, which Zone names (as
// they are, and Zone is c.Zone, when it is nil).
func NewDeadline(tier string, c rules.Case, d rules.Deadline, st *slo.Status) Deadline {
	loc := d.Location
	out := Deadline{
		Tier: tier, Priority: c.Priority.String(), Opened: At(in(c.Opened, loc)), Zone: zoneOf(loc, c.Zone),
		Due: At(in(d.Due, loc)), Target: NewTarget(d.Target), Rule: d.Rule,
	}
	if st != nil {
		now := c.Opened
		if c.Now != nil {
			now = *c.Now
		}
		out.Status = &Status{
			Now: At(in(now, loc)), Elapsed: NewDuration(st.Elapsed), Remaining: NewDuration(st.Remaining),
			Breached: st.Breached, Warnings: make([]Instant, 0, len(st.Warnings)),
		}
		for _, w := range st.Warnings {
			out.Status.Warnings = append(out.Status.Warnings, At(in(w.At, loc)))
		}
	}
	return out
}

// in returns t in loc, or t when loc is nil.
func in(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t
	}
	return t.In(loc)
}

// zoneOf returns the name of loc, or zone when loc is nil.
func zoneOf(loc *time.Location, zone string) string {
	if loc == nil {
		return zone
	}
	return loc.String()
}

package rules

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Retarget is a change of priority or tier made while a cycle ran: its
// target is decided again from the cycle's start (a retarget), or the
// cycle is cancelled and a new one starts at the change (a restart).
type Retarget struct {
	At       time.Time // the instant of the change, in the timeline's Location
	What     string    // "priority" or "tier"
	From, To string    // the priority or tier id before and after
	Restart  bool      // the change cancelled the cycle and started the next one
}

// CycleExplanation is the path to one cycle's due instant: the cycle, the
// priority and tier changes it took (Retargets), and its walk on the
// target's calendar from its start, its pauses excluded. A cycle without a
// target has a zero Walk.
type CycleExplanation struct {
	Metric string
	Number int // 1 for a metric's first cycle
	Cycle  Cycle
	Row    string // the table row of the cycle's tier, metric and priority
	// Rules are the catalog's rules as the cycle's last decision met them:
	// the cycle's tier and priority, CEL's now the instant of its start or
	// of its last retarget.
	Rules     []RuleStep
	Retargets []Retarget
	Walk      slo.Walk
}

// TimelineExplanation is the path to every due instant of a case's
// timeline: the timeline, and each cycle explained, metric by metric in
// the timeline's order.
type TimelineExplanation struct {
	Timeline Timeline
	Cycles   []CycleExplanation
}

// ExplainTimeline explains Timeline: it computes the case's timeline as
// Timeline does, with its errors, and explains each cycle: the priority
// and tier changes it was retargeted or restarted by, and the walk on its
// target's calendar from its start to its due instant (Cycle.Due), each
// stretch of open time and closure, its pauses and the DST changes. It
// also fails with an error wrapping slo.ErrExplainLimit when a walk takes
// more than slo.MaxSteps steps.
func (e *Engine) ExplainTimeline(c Case, events []Event, now time.Time) (TimelineExplanation, error) {
	tl, err := e.Timeline(c, events, now)
	if err != nil {
		return TimelineExplanation{}, err
	}
	zone, err := c.resolveZone()
	if err != nil {
		return TimelineExplanation{}, err
	}
	changes := e.changesOf(c, events)
	out := TimelineExplanation{Timeline: tl}
	for _, mt := range tl.Metrics {
		for i, cy := range mt.Cycles {
			x := CycleExplanation{Metric: mt.Metric, Number: i + 1, Cycle: cy,
				Row: "tiers." + cy.Tier + "." + mt.Metric + "." + cy.Priority.String()}
			x.Retargets = cycleRetargets(changes, mt.Cycles, i, now, tl.Location)
			if x.Rules, err = e.cycleRules(c, x); err != nil {
				return TimelineExplanation{}, fmt.Errorf("%s cycle %d: %w", mt.Metric, i+1, err)
			}
			if cy.Target.Within > 0 {
				if x.Walk, err = e.cycleWalk(cy, zone, c.Country, tl.Location); err != nil {
					return TimelineExplanation{}, fmt.Errorf("%s cycle %d: %w", mt.Metric, i+1, err)
				}
			}
			out.Cycles = append(out.Cycles, x)
		}
	}
	return out, nil
}

// cycleRules returns the rules as the last decision of the cycle x met
// them.
func (e *Engine) cycleRules(c Case, x CycleExplanation) ([]RuleStep, error) {
	t, err := e.tier(x.Cycle.Tier)
	if err != nil {
		return nil, err
	}
	m := metric(slices.IndexFunc(e.lifecycle.metrics, func(s metricRules) bool { return s.name == x.Metric }))
	decided := x.Cycle.Start
	c.Tier, c.Priority, c.Now, c.Pauses = t.id, x.Cycle.Priority, &decided, nil
	if n := len(x.Retargets); n > 0 && !x.Retargets[n-1].Restart {
		decided = x.Retargets[n-1].At
	}
	return e.ruleSteps(context.Background(), t, &c, m)
}

// cycleWalk walks a cycle's target from its start, its pauses excluded.
func (e *Engine) cycleWalk(cy Cycle, zone *time.Location, country string, loc *time.Location) (slo.Walk, error) {
	cal, in, err := e.calendars.forAccount(cy.Target.Calendar, zone, country)
	if err != nil {
		return slo.Walk{}, err
	}
	start := cy.Start
	if in != nil {
		start = start.In(in)
	}
	w, err := cal.Explain(start, cy.Target.Within, cy.Pauses...)
	if err != nil {
		return slo.Walk{}, err
	}
	return w.In(loc), nil
}

// changesOf lists the priority and tier changes of a case's events, in
// order, each with the value it changed from.
func (e *Engine) changesOf(c Case, events []Event) []Retarget {
	var out []Retarget
	prio, tier := c.Priority, c.Tier
	if t, err := e.tier(tier); err == nil {
		tier = t.id
	}
	for _, ev := range events {
		if ev.Priority != 0 && ev.Priority != prio {
			out = append(out, Retarget{At: ev.At, What: "priority", From: prio.String(), To: ev.Priority.String()})
			prio = ev.Priority
		}
		if ev.Tier != "" {
			to := ev.Tier
			if t, err := e.tier(to); err == nil {
				to = t.id
			}
			if to != tier {
				out = append(out, Retarget{At: ev.At, What: "tier", From: tier, To: to})
				tier = to
			}
		}
	}
	return out
}

// cycleRetargets returns the changes made while cycle i ran (after its
// start, up to its end or now): each retargeted it, or restarted it (the
// cycle cancelled at the change and the next one starting then). A tier
// change the catalog leaves the cycle out of (tierChange: fixed) is listed
// too: the cycle's Tier says which tier applied.
func cycleRetargets(changes []Retarget, cycles []Cycle, i int, now time.Time, loc *time.Location) []Retarget {
	cy := cycles[i]
	end := now
	if cy.Ended() {
		end = cy.End
	}
	var out []Retarget
	for _, ch := range changes {
		if !ch.At.After(cy.Start) || ch.At.After(end) {
			continue
		}
		ch.Restart = cy.State == CycleCancelled && ch.At.Equal(cy.End) && i+1 < len(cycles) && cycles[i+1].Start.Equal(ch.At)
		ch.At = ch.At.In(loc)
		out = append(out, ch)
	}
	return out
}

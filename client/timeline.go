package client

import (
	"context"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Timeline asks the service where every clock of k stands at now after
// events, as rules.Engine.Timeline answers: instants are in the timeline's
// Location, the zone the service names (k's, else its calendar's own,
// else UTC); Now is now as given.
func (c *Client) Timeline(ctx context.Context, k rules.Case, events []rules.Event, now time.Time) (rules.Timeline, error) {
	body, err := newCaseBody(k, &now)
	if err != nil {
		return rules.Timeline{}, err
	}
	var tl answer.Timeline
	if _, err := c.Decide(ctx, "timeline", withEvents(body, events), &tl); err != nil {
		return rules.Timeline{}, err
	}
	out, err := timelineOf(k.Zone, tl)
	if out.Now.Equal(now) { // the engine keeps now as given
		out.Now = now
	}
	return out, err
}

// timelineOf reads a timeline of a case in zone, its instants in the zone
// the answer names (see decidedPlace).
func timelineOf(zone string, tl answer.Timeline) (rules.Timeline, error) {
	p, err := decidedPlace(tl.Zone, zone)
	if err != nil {
		return rules.Timeline{}, err
	}
	now := p.at(tl.Now)
	out := rules.Timeline{Now: now, Status: tl.Status, Priority: priority(tl.Priority, &err), Tier: tl.Tier, Location: p.location(now)}
	for _, m := range tl.Metrics {
		mt := rules.MetricTimeline{Metric: m.Metric}
		for _, cy := range m.Cycles {
			mt.Cycles = append(mt.Cycles, cycleOf(cy, p, &err))
		}
		out.Metrics = append(out.Metrics, mt)
	}
	return out, err
}

// cycleOf reads one cycle, its instants in p.
func cycleOf(cy answer.Cycle, p place, err *error) rules.Cycle {
	out := rules.Cycle{
		Start: p.at(cy.Start), Tier: cy.Tier, Priority: priority(cy.Priority, err), Target: target(cy.Target, err), Rule: cy.Rule,
		End: p.atOr(cy.End), Due: p.atOr(cy.Due), Elapsed: span(cy.Elapsed, err), Paused: span(cy.Paused, err),
		Breached: cy.Breached, Overdue: span(cy.Overdue, err),
	}
	text(&out.State, cy.State, err)
	for _, iv := range cy.Pauses {
		out.Pauses = append(out.Pauses, slo.Interval{Start: p.at(iv.Start), End: p.at(iv.End)})
	}
	for i, w := range cy.Warnings {
		if i < len(out.Warnings) {
			out.Warnings[i] = slo.Warning{Fraction: w.Percent, At: p.at(w.At), Reached: w.Reached}
		}
	}
	return out
}

package rules

import (
	"context"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// OpenStatus is a case's status at its opening, until an event sets another.
const OpenStatus = "open"

// CycleState is where one cycle of a metric's clock stands.
type CycleState uint8

// The states of a cycle.
const (
	CycleRunning   CycleState = iota // the clock runs
	CyclePaused                      // the clock is stopped by a pause condition
	CycleAchieved                    // a stop condition ended the cycle: the target was met or missed at End
	CycleCancelled                   // a reset or a priority restart ended the cycle, neither met nor missed
)

var cycleStateNames = [...]string{"running", "paused", "achieved", "cancelled"}

// String returns the state's name: running, paused, achieved or cancelled,
// or "CycleState(n)" for an unknown value.
func (s CycleState) String() string {
	if int(s) < len(cycleStateNames) {
		return cycleStateNames[s]
	}
	return fmt.Sprintf("CycleState(%d)", s)
}

// MarshalText encodes the state as its name; it fails for an unknown state.
func (s CycleState) MarshalText() ([]byte, error) {
	if int(s) >= len(cycleStateNames) {
		return nil, fmt.Errorf("invalid cycle state %d", s)
	}
	return []byte(cycleStateNames[s]), nil
}

// UnmarshalText decodes one of the names String returns.
func (s *CycleState) UnmarshalText(text []byte) error {
	for i, n := range cycleStateNames {
		if string(text) == n {
			*s = CycleState(i)
			return nil
		}
	}
	return fmt.Errorf("invalid cycle state %q: want running, paused, achieved or cancelled", text)
}

// Cycle is one run of a metric's clock: from a start condition to a stop
// (achieved), a reset or priority restart (cancelled), or now (running or
// paused). Instants are in the timeline's Location.
type Cycle struct {
	Start    time.Time    // when the clock started
	Tier     string       // the id of the tier whose target applies
	Priority slo.Priority // the priority whose target applies
	Target   slo.Target   // zero when the tier promises none for the priority
	Rule     string       // the rule that set the target, or its table row "tiers.<id>.<metric>.<P>"
	State    CycleState   // running, paused, achieved or cancelled
	End      time.Time    // when the cycle was achieved or cancelled (see Ended: 0001-01-01T00:00:00Z is an end too); zero while it runs or is paused
	// Due is when the target's open time has passed, the pauses excluded;
	// zero without a target (with one it is after Start, so never zero). While the cycle is paused at now it is the
	// earliest due instant: the one if the clock ran again at now.
	Due      time.Time
	Elapsed  time.Duration  // open time on the target's calendar from Start to End (or now), the pauses excluded; zero without a target
	Paused   time.Duration  // wall time of the pauses
	Pauses   []slo.Interval // the pauses, in order; a pause still running at now ends at now
	Breached bool           // End (or now) is after Due
	Overdue  time.Duration  // how long after Due the cycle ended (or now is), when Breached
	// Warnings are the instants 50% and 75% of the target's open time have
	// passed, and whether End (or now) reached them; zero without a target.
	Warnings [2]slo.Warning
}

// Ended reports whether the cycle was achieved or cancelled, that is
// whether End is when it ended rather than none: a cycle that ended at
// 0001-01-01T00:00:00Z has the zero End too.
func (cy Cycle) Ended() bool { return cy.State == CycleAchieved || cy.State == CycleCancelled }

// MetricTimeline is the cycles of one metric, in order.
type MetricTimeline struct {
	Metric string // response, nextReply, update, resolution, or a metric the catalog declares
	Cycles []Cycle
}

// Timeline is every clock of a case from its opening to now.
type Timeline struct {
	Now      time.Time        // the instant the timeline was computed at
	Status   string           // the case's status at now
	Priority slo.Priority     // the case's priority at now
	Tier     string           // the id of the case's tier at now
	Metrics  []MetricTimeline // the metrics some tier of the case promises, in the order of Engine.Metrics
	// Location is the zone every instant of the cycles is given in,
	// resolved once: the case's zone when it names one; else the own zone
	// of the calendar the first response cycle ran on; else UTC (as
	// Deadline.Location for the case at its opening).
	Location *time.Location
}

// Metric returns the cycles of the metric named name, and whether the
// timeline tracks it.
func (t *Timeline) Metric(name string) (MetricTimeline, bool) {
	for _, m := range t.Metrics {
		if m.Metric == name {
			return m, true
		}
	}
	return MetricTimeline{}, false
}

// Timeline computes every clock of case c from its opening to now through
// its events: for each metric a tier of the case promises (response,
// nextReply, update, resolution, and those the catalog declares), its cycles with their targets, due
// instants, pauses, breaches and warnings.
//
// The case opens at c.Opened with c.Priority on c.Tier and status "open"
// (c.Pauses and c.Now are not read: pauses come from the events, and each
// target is decided with CEL's now at the instant its cycle starts or is
// retargeted). Each event, in order, first changes the case's status,
// priority and tier; then, for each metric: a reset condition cancels the
// running cycle and starts a new one; else a stop condition achieves it;
// else a priority change retargets it (the new priority's target, from the
// cycle's start) or restarts it (a new cycle from the change), per the
// catalog, and a tier change retargets it when the catalog says
// tierChange: reevaluate (by default a cycle keeps the tier it started on).
// When no cycle runs, a start condition starts one (or, at a reopening with
// reopen: continue, continues the last achieved cycle, the time it was
// solved paused, and applies to it the priority or tier changes made
// meanwhile). Last, a running cycle pauses on a pause condition and a
// paused one runs again on a resume condition. The defaults of the
// conditions are in the README's Case lifecycle section.
//
// Errors: an *EventError naming the event's index for an error about an
// event: wrapped in ErrInvalidEvent for an event out of order, before the
// opening or after now, of an unknown type or missing its field (an unknown
// tier also wraps ErrUnknownTier), else the error evaluating the catalog on
// it, ErrCostLimit when the catalog's conditions and rules would spend more
// than TimelineCostBudget over the whole history; ErrInvalidCase as Deadline,
// and when now is before the opening; ErrInvalidZone for a zone that is not
// an IANA name; the errors of Deadline for a target that cannot be decided
// (a tier without a target for a priority is not one: the cycle has a zero
// Target).
func (e *Engine) Timeline(c Case, events []Event, now time.Time) (Timeline, error) {
	return e.TimelineContext(context.Background(), c, events, now)
}

// TimelineContext is Timeline under ctx: it stops when ctx is done, before
// each event and inside the catalog's conditions and rules, with an
// *EventError wrapping ctx.Err() (an error wrapping it at the opening).
func (e *Engine) TimelineContext(ctx context.Context, c Case, events []Event, now time.Time) (Timeline, error) {
	t, err := e.caseTier(&c)
	if err != nil {
		return Timeline{}, err
	}
	if err := e.checkEvents(&c, events, now); err != nil {
		return Timeline{}, err
	}
	zone, err := c.resolveZone()
	if err != nil {
		return Timeline{}, err
	}
	r := run{ctx: ctx, e: e, lc: e.lifecycle, c: &c, zone: zone, tier: t, priority: c.Priority, status: OpenStatus}
	r.track(t, events)
	if r.lc.usesCEL {
		c.cel(t.id, &r.kase, &r.account)
		r.vars = vars{kase: &r.kase, account: &r.account, tier: t.cel, event: &r.ev}
	}
	r.ev = celEvent{Type: EventOpen, At: c.Opened, Status: OpenStatus, Priority: c.Priority.String(), Tier: t.id, Attrs: noAttrs, given: true}
	if err := r.apply(false, false); err != nil {
		return Timeline{}, err
	}
	for i := range events {
		if err := ctx.Err(); err != nil {
			return Timeline{}, &EventError{Index: i, Err: err}
		}
		if err := r.step(&events[i]); err != nil {
			return Timeline{}, &EventError{Index: i, Err: err}
		}
	}
	r.out = r.location()
	tl := Timeline{Now: now, Status: r.status, Priority: r.priority, Tier: r.tier.id, Metrics: make([]MetricTimeline, 0, len(r.clocks)), Location: r.out}
	for i := range r.clocks {
		k := &r.clocks[i]
		if k.active {
			k.finish(now)
		}
		for j := range k.cycles {
			if err := k.measure(j, now, r.out); err != nil {
				return Timeline{}, fmt.Errorf("%s cycle %d: %w", r.lc.metrics[k.m].name, j+1, err)
			}
		}
		tl.Metrics = append(tl.Metrics, MetricTimeline{Metric: r.lc.metrics[k.m].name, Cycles: k.cycles})
	}
	return tl, nil
}

package rules

import (
	"errors"
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
// paused). Instants are in the location of Case.Opened.
type Cycle struct {
	Start    time.Time    // when the clock started
	Tier     string       // the id of the tier whose target applies
	Priority slo.Priority // the priority whose target applies
	Target   slo.Target   // zero when the tier promises none for the priority
	Rule     string       // the rule that set the target, or its table row "tiers.<id>.<metric>.<P>"
	State    CycleState   // running, paused, achieved or cancelled
	End      time.Time    // when the cycle was achieved or cancelled; zero while it runs or is paused
	// Due is when the target's open time has passed, the pauses excluded;
	// zero without a target. While the cycle is paused at now it is the
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

// MetricTimeline is the cycles of one metric, in order.
type MetricTimeline struct {
	Metric string // response, nextReply, update or resolution
	Cycles []Cycle
}

// Timeline is every clock of a case from its opening to now.
type Timeline struct {
	Now      time.Time        // the instant the timeline was computed at
	Status   string           // the case's status at now
	Priority slo.Priority     // the case's priority at now
	Tier     string           // the id of the case's tier at now
	Metrics  []MetricTimeline // the metrics some tier of the case promises, in the order response, nextReply, update, resolution
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
// nextReply, update, resolution), its cycles with their targets, due
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
// Errors: ErrInvalidEvent naming the event's index for an event out of
// order, before the opening or after now, of an unknown type or missing its
// field (an unknown tier also wraps ErrUnknownTier); ErrInvalidCase as
// Deadline, and when now is before the opening; the errors of Deadline for
// a target that cannot be decided (a tier without a target for a priority
// is not one: the cycle has a zero Target).
func (e *Engine) Timeline(c Case, events []Event, now time.Time) (Timeline, error) {
	t, err := e.caseTier(&c)
	if err != nil {
		return Timeline{}, err
	}
	if err := e.checkEvents(&c, events, now); err != nil {
		return Timeline{}, err
	}
	r := run{e: e, lc: e.lifecycle, c: &c, out: c.Opened.Location(), tier: t, priority: c.Priority, status: OpenStatus}
	r.track(t, events)
	if r.lc.usesCEL {
		c.cel(t.id, &r.kase, &r.account)
		r.vars = vars{kase: &r.kase, account: &r.account, tier: t.cel, event: &r.ev}
	}
	r.ev = celEvent{Type: EventOpen, At: c.Opened, Status: OpenStatus, Priority: c.Priority.String(), Tier: t.id, Attrs: noAttrs}
	if err := r.apply(false, false); err != nil {
		return Timeline{}, err
	}
	for i := range events {
		if err := r.step(&events[i]); err != nil {
			return Timeline{}, fmt.Errorf("event %d: %w", i, err)
		}
	}
	tl := Timeline{Now: now, Status: r.status, Priority: r.priority, Tier: r.tier.id, Metrics: make([]MetricTimeline, 0, r.n)}
	for i := range r.n {
		k := &r.clocks[i]
		if k.active {
			k.finish(now)
		}
		for j := range k.cycles {
			k.measure(j, now, r.out)
		}
		tl.Metrics = append(tl.Metrics, MetricTimeline{Metric: k.m.String(), Cycles: k.cycles})
	}
	return tl, nil
}

// run is the state of one Timeline computation.
type run struct {
	e        *Engine
	lc       *lifecycle
	c        *Case
	out      *time.Location // the location of the results: Case.Opened's
	tier     *tier          // the case's tier now
	priority slo.Priority   // the case's priority now
	status   string         // the case's status now
	clocks   [numMetrics]clock
	n        int      // the tracked metrics: clocks[:n]
	ev       celEvent // the event being applied
	// The activation of CEL conditions, when the catalog writes some.
	vars    vars
	kase    celCase
	account celAccount
}

// clock is one metric's clock: its cycles, the last one active or not,
// and the calendar of each cycle.
type clock struct {
	m        metric
	cycles   []Cycle
	cals     []cycleCalendar // by cycle, in calBuf while they fit
	calBuf   [8]cycleCalendar
	active   bool      // the last cycle is running or paused
	pausedAt time.Time // when the last cycle paused, while it is paused
}

// cycleCalendar is the calendar a cycle's target runs on (nil without a
// target) and the account's zone for a calendar that runs in it (else nil).
type cycleCalendar struct {
	cal *slo.Calendar
	loc *time.Location
}

// track picks the metrics the tiers of the case (at its opening and after
// each tier event) promise.
func (r *run) track(t *tier, events []Event) {
	var on [numMetrics]bool
	mark := func(t *tier) {
		for m := range numMetrics {
			on[m] = on[m] || t.objectives[m].declared()
		}
	}
	mark(t)
	for i := range events {
		if events[i].Tier != "" {
			et, _ := r.e.tier(events[i].Tier) // known: checkEvents
			mark(et)
		}
	}
	for m := range numMetrics {
		if on[m] {
			r.clocks[r.n].m = m
			r.clocks[r.n].cals = r.clocks[r.n].calBuf[:0]
			r.n++
		}
	}
}

// step applies one event of the history.
func (r *run) step(x *Event) error {
	prioChanged := x.Priority != 0 && x.Priority != r.priority
	if prioChanged {
		r.priority = x.Priority
	}
	tierChanged := false
	if x.Tier != "" {
		nt, _ := r.e.tier(x.Tier) // known: checkEvents
		tierChanged = nt != r.tier
		r.tier = nt
	}
	reopened := false
	if x.Status != "" {
		reopened = r.lc.isSolved(r.status) && !r.lc.isSolved(x.Status)
		r.status = x.Status
	}
	r.ev = celEvent{Type: x.Type, At: x.At, Status: r.status, By: x.By, Priority: r.priority.String(),
		Tier: r.tier.id, Reopened: reopened, Attrs: attrs(x.Attrs)}
	if r.lc.usesCEL {
		r.kase.Priority, r.kase.Tier, r.vars.tier = r.priority.String(), r.tier.id, r.tier.cel
	}
	return r.apply(prioChanged, tierChanged)
}

// apply runs every tracked metric's conditions on the event r.ev.
func (r *run) apply(prioChanged, tierChanged bool) error {
	at := r.ev.At
	for i := range r.n {
		k := &r.clocks[i]
		mr := &r.lc.metrics[k.m]
		if k.active {
			reset, err := r.holds(mr, condReset, k.m)
			if err != nil {
				return err
			}
			stop := false
			if !reset {
				if stop, err = r.holds(mr, condStop, k.m); err != nil {
					return err
				}
			}
			switch {
			case reset:
				k.end(at, CycleCancelled, r.out)
				if err := r.begin(k); err != nil {
					return err
				}
			case stop:
				k.end(at, CycleAchieved, r.out)
			case prioChanged || tierChanged && r.lc.reevaluate:
				if err := r.change(k, mr, prioChanged); err != nil {
					return err
				}
			}
		}
		if !k.active {
			start, err := r.holds(mr, condStart, k.m)
			if err != nil {
				return err
			}
			switch {
			case !start:
			case mr.continues && r.ev.Reopened && len(k.cycles) > 0 && k.cycles[len(k.cycles)-1].State == CycleAchieved:
				k.reopen(at)
				// A change made while the cycle was achieved applies now.
				cy := &k.cycles[len(k.cycles)-1]
				prio := cy.Priority != r.priority
				if prio || r.lc.reevaluate && cy.Tier != r.tier.id {
					if err := r.change(k, mr, prio); err != nil {
						return err
					}
				}
			default:
				if err := r.begin(k); err != nil {
					return err
				}
			}
		}
		if !k.active {
			continue
		}
		cy := &k.cycles[len(k.cycles)-1]
		if cy.State == CyclePaused {
			resume, err := r.holds(mr, condResume, k.m)
			if err != nil {
				return err
			}
			if resume {
				k.resume(at)
			}
			continue
		}
		pause, err := r.holds(mr, condPause, k.m)
		if err != nil {
			return err
		}
		if pause {
			cy.State, k.pausedAt = CyclePaused, at
		}
	}
	return nil
}

// holds evaluates one condition of metric m on the event.
func (r *run) holds(mr *metricRules, k condition, m metric) (bool, error) {
	if p := mr.prg[k]; p != nil {
		r.vars.now = r.ev.At
		return evalBool(p, &r.vars, "lifecycle."+m.String()+"."+condNames[k])
	}
	return mr.native[k](r.lc, &r.ev), nil
}

// begin starts a new cycle of k at the event, on the case's tier and
// priority now.
func (r *run) begin(k *clock) error {
	k.cycles = append(k.cycles, Cycle{Start: r.ev.At.In(r.out), Tier: r.tier.id, Priority: r.priority})
	k.cals = append(k.cals, cycleCalendar{})
	k.active = true
	return r.decide(k, &k.cycles[len(k.cycles)-1])
}

// change applies to the active cycle of k a change of the case's priority
// (prio) or, with tierChange: reevaluate, of its tier: a restart for a
// priority change when the metric says so, else a retarget.
func (r *run) change(k *clock, mr *metricRules, prio bool) error {
	if prio && mr.restart {
		k.end(r.ev.At, CycleCancelled, r.out)
		return r.begin(k)
	}
	return r.retarget(k, mr.dropPauses)
}

// retarget gives the active cycle of k the target of the case's priority
// now, on the case's tier now (tierChange: reevaluate) or the cycle's,
// measured from the cycle's start. With drop, the time paused before the
// event counts.
func (r *run) retarget(k *clock, drop bool) error {
	cy := &k.cycles[len(k.cycles)-1]
	cy.Priority = r.priority
	if r.lc.reevaluate {
		cy.Tier = r.tier.id
	}
	if drop {
		cy.Pauses = nil
		if cy.State == CyclePaused {
			k.pausedAt = r.ev.At
		}
	}
	return r.decide(k, cy)
}

// decide sets the target of cycle cy of k: the rule chain and table of its
// tier and priority, with CEL's now the event's instant.
func (r *run) decide(k *clock, cy *Cycle) error {
	t, _ := r.e.tier(cy.Tier) // known: the case's or an event's
	o := &t.objectives[k.m]
	var res resolved
	err := ErrNoTarget
	if o.has[cy.Priority] || o.decide[cy.Priority] != nil { // else skip building the error
		kc := *r.c
		kc.Tier, kc.Priority, kc.Now, kc.Pauses = cy.Tier, cy.Priority, r.ev.At, nil
		res, err = r.e.resolve(&kc, k.m)
	}
	if errors.Is(err, ErrNoTarget) {
		cy.Target, cy.Rule, k.cals[len(k.cals)-1] = slo.Target{}, o.row[cy.Priority], cycleCalendar{}
		return nil
	}
	if err != nil {
		return err
	}
	cy.Target, cy.Rule, k.cals[len(k.cals)-1] = res.target, res.rule, cycleCalendar{res.cal, res.loc}
	return nil
}

// resume runs the paused last cycle of k again at at.
func (k *clock) resume(at time.Time) {
	cy := &k.cycles[len(k.cycles)-1]
	k.closePause(cy, at)
	cy.State = CycleRunning
}

// closePause ends the running pause of cy at at, keeping it when it lasted.
func (k *clock) closePause(cy *Cycle, at time.Time) {
	if at.After(k.pausedAt) {
		cy.Pauses = append(cy.Pauses, slo.Interval{Start: k.pausedAt, End: at})
	}
}

// end ends the active cycle of k at at in state s.
func (k *clock) end(at time.Time, s CycleState, out *time.Location) {
	cy := &k.cycles[len(k.cycles)-1]
	if cy.State == CyclePaused {
		k.closePause(cy, at)
	}
	cy.State, cy.End = s, at.In(out)
	k.active = false
}

// finish ends the running pause of the active cycle of k, if any, at now.
func (k *clock) finish(now time.Time) {
	if cy := &k.cycles[len(k.cycles)-1]; cy.State == CyclePaused {
		k.closePause(cy, now)
	}
}

// reopen continues the last, achieved, cycle of k at at: the time since it
// was achieved is a pause.
func (k *clock) reopen(at time.Time) {
	cy := &k.cycles[len(k.cycles)-1]
	k.pausedAt = cy.End
	cy.State, cy.End = CycleRunning, time.Time{}
	k.closePause(cy, at)
	k.active = true
}

// warningPercents are the thresholds of Cycle.Warnings.
var warningPercents = [2]int{50, 75}

// measure computes the results of cycle i of k, once its events are all
// applied: at its End, or at now while it runs.
func (k *clock) measure(i int, now time.Time, out *time.Location) {
	cy, cc := &k.cycles[i], k.cals[i]
	end := now
	if !cy.End.IsZero() {
		end = cy.End
	}
	for i, p := range cy.Pauses {
		cy.Paused += p.End.Sub(p.Start)
		cy.Pauses[i] = slo.Interval{Start: p.Start.In(out), End: p.End.In(out)}
	}
	if cc.cal == nil {
		return
	}
	start := cy.Start
	if cc.loc != nil {
		start = start.In(cc.loc)
	}
	cy.Elapsed = cc.cal.Elapsed(start, end, cy.Pauses...)
	within := cy.Target.Within
	cy.Due = cc.cal.Add(start, within, cy.Pauses...).In(out)
	cy.Breached = end.After(cy.Due)
	if cy.Breached {
		cy.Overdue = end.Sub(cy.Due)
	}
	for i, f := range warningPercents {
		// within*f/100 without overflow.
		at := cc.cal.Add(start, within/100*time.Duration(f)+within%100*time.Duration(f)/100, cy.Pauses...).In(out)
		cy.Warnings[i] = slo.Warning{Fraction: f, At: at, Reached: !end.Before(at)}
	}
}

// declared reports whether a tier promises the objective's metric: a
// target for some priority or a rule that may give one.
func (o *objective) declared() bool {
	for p := slo.P1; p <= slo.P4; p++ {
		if o.has[p] || o.decide[p] != nil {
			return true
		}
	}
	return false
}

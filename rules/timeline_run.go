package rules

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// run is the state of one Timeline computation.
type run struct {
	ctx      context.Context // the evaluation stops when it is done
	e        *Engine
	lc       *lifecycle
	c        *Case
	zone     *time.Location // the case's zone, resolved once; nil when it names none
	out      *time.Location // the location of the results, set when the events are applied (see location)
	tier     *tier          // the case's tier now
	priority slo.Priority   // the case's priority now
	status   string         // the case's status now
	clocks   []clock        // the tracked metrics, in clockBuf while they fit
	clockBuf [numBuiltins]clock
	ev       celEvent // the event being applied
	spent    uint64   // the CEL cost spent so far (TimelineCostBudget)
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
	var on uint64 // bit m: metric m is tracked (maxMetrics is 64)
	mark := func(t *tier) {
		for m := range t.objectives {
			if t.objectives[m].declared() {
				on |= 1 << m
			}
		}
	}
	mark(t)
	for i := range events {
		if events[i].Tier != "" {
			et, _ := r.e.tier(events[i].Tier) // known: checkEvents
			mark(et)
		}
	}
	r.clocks = r.clockBuf[:0]
	for m := range t.objectives {
		if on&(1<<m) != 0 {
			r.clocks = append(r.clocks, clock{m: metric(m)})
			k := &r.clocks[len(r.clocks)-1]
			k.cals = k.calBuf[:0]
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
		Tier: r.tier.id, Reopened: reopened, Attrs: attrs(x.Attrs), given: true}
	if r.lc.usesCEL {
		r.kase.Priority, r.kase.Tier, r.vars.tier = r.priority.String(), r.tier.id, r.tier.cel
	}
	return r.apply(prioChanged, tierChanged)
}

// apply runs every tracked metric's conditions on the event r.ev: the
// running cycle ends or changes, a new one may start, and the active one
// pauses or resumes.
func (r *run) apply(prioChanged, tierChanged bool) error {
	for i := range r.clocks {
		k := &r.clocks[i]
		mr := &r.lc.metrics[k.m]
		if k.active {
			if err := r.settle(k, mr, prioChanged, tierChanged); err != nil {
				return err
			}
		}
		if !k.active {
			if err := r.maybeStart(k, mr); err != nil {
				return err
			}
		}
		if k.active {
			if err := r.pauseOrResume(k, mr); err != nil {
				return err
			}
		}
	}
	return nil
}

// settle applies the event to the active cycle of k: a reset cancels it
// and starts another, else a stop achieves it, else a change of priority
// (or of tier, when the catalog re-evaluates) retargets or restarts it.
func (r *run) settle(k *clock, mr *metricRules, prioChanged, tierChanged bool) error {
	at := r.ev.At
	reset, err := r.holds(mr, condReset)
	if err != nil {
		return err
	}
	stop := false
	if !reset {
		if stop, err = r.holds(mr, condStop); err != nil {
			return err
		}
	}
	switch {
	case reset:
		k.end(at, CycleCancelled)
		return r.begin(k)
	case stop:
		k.end(at, CycleAchieved)
	case prioChanged || tierChanged && r.lc.reevaluate:
		return r.change(k, mr, prioChanged)
	}
	return nil
}

// maybeStart starts a cycle of k when the start condition holds, or, at a
// reopening with reopen: continue, continues the last achieved one and
// applies to it the changes made while it was achieved.
func (r *run) maybeStart(k *clock, mr *metricRules) error {
	start, err := r.holds(mr, condStart)
	if err != nil || !start {
		return err
	}
	if !(mr.continues && r.ev.Reopened && len(k.cycles) > 0 && k.cycles[len(k.cycles)-1].State == CycleAchieved) {
		return r.begin(k)
	}
	k.reopen(r.ev.At)
	cy := &k.cycles[len(k.cycles)-1]
	prio := cy.Priority != r.priority
	if prio || r.lc.reevaluate && cy.Tier != r.tier.id {
		return r.change(k, mr, prio)
	}
	return nil
}

// pauseOrResume pauses the running cycle of k on a pause condition, or
// resumes the paused one on a resume condition.
func (r *run) pauseOrResume(k *clock, mr *metricRules) error {
	cy := &k.cycles[len(k.cycles)-1]
	cond := condPause
	if cy.State == CyclePaused {
		cond = condResume
	}
	holds, err := r.holds(mr, cond)
	if err != nil || !holds {
		return err
	}
	if cy.State == CyclePaused {
		k.resume(r.ev.At)
	} else {
		cy.State, k.pausedAt = CyclePaused, r.ev.At
	}
	return nil
}

// holds evaluates one condition of a metric on the event.
func (r *run) holds(mr *metricRules, k condition) (bool, error) {
	if mr.prg[k] != nil {
		b, err := r.evalCond(mr, k)
		if err == nil && r.e.cov != nil {
			r.e.cov.condition(mr, k, b)
		}
		return b, err
	}
	return mr.native[k](r.lc, &r.ev), nil
}

// begin starts a new cycle of k at the event, on the case's tier and
// priority now.
func (r *run) begin(k *clock) error {
	k.cycles = append(k.cycles, Cycle{Start: r.ev.At, Tier: r.tier.id, Priority: r.priority})
	k.cals = append(k.cals, cycleCalendar{})
	k.active = true
	return r.decide(k, &k.cycles[len(k.cycles)-1])
}

// change applies to the active cycle of k a change of the case's priority
// (prio) or, with tierChange: reevaluate, of its tier: a restart for a
// priority change when the metric says so, else a retarget.
func (r *run) change(k *clock, mr *metricRules, prio bool) error {
	if prio && mr.restart {
		k.end(r.ev.At, CycleCancelled)
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
		kc.Tier, kc.Priority, kc.Now, kc.Pauses = cy.Tier, cy.Priority, &r.ev.At, nil
		res, err = r.e.decide(r.ctx, t, &kc, r.zone, k.m, &r.spent)
	}
	if errors.Is(err, ErrNoTarget) {
		cy.Target, cy.Rule, k.cals[len(k.cals)-1] = slo.Target{}, o.row[cy.Priority], cycleCalendar{}
		return nil
	}
	if errors.Is(err, errBudgetSpent) {
		return r.overBudget("the rule chain of " + o.row[cy.Priority])
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
func (k *clock) end(at time.Time, s CycleState) {
	cy := &k.cycles[len(k.cycles)-1]
	if cy.State == CyclePaused {
		k.closePause(cy, at)
	}
	cy.State, cy.End = s, at
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
// applied: at its End, or at now while it runs. Its instants are given in
// out. It fails with an error wrapping slo.ErrDurationOverflow when the
// elapsed, paused or overdue time does not fit in a time.Duration: it is
// refused, never capped.
func (k *clock) measure(i int, now time.Time, out *time.Location) error {
	cy, cc := &k.cycles[i], k.cals[i]
	end := now
	cy.Start = cy.Start.In(out)
	if cy.Ended() {
		cy.End = cy.End.In(out)
		end = cy.End
	}
	for i, p := range cy.Pauses {
		d, err := slo.Sub(p.End, p.Start)
		if err == nil {
			cy.Paused, err = slo.AddDurations(cy.Paused, d)
		}
		if err != nil {
			return fmt.Errorf("paused: %w", err)
		}
		cy.Pauses[i] = slo.Interval{Start: p.Start.In(out), End: p.End.In(out)}
	}
	if cc.cal == nil {
		return nil
	}
	start := cy.Start
	if cc.loc != nil {
		start = start.In(cc.loc)
	}
	var err error
	if cy.Elapsed, err = cc.cal.ElapsedChecked(start, end, cy.Pauses...); err != nil {
		return fmt.Errorf("elapsed: %w", err)
	}
	within := cy.Target.Within
	cy.Due = cc.cal.Add(start, within, cy.Pauses...).In(out)
	cy.Breached = end.After(cy.Due)
	if cy.Breached {
		if cy.Overdue, err = slo.Sub(end, cy.Due); err != nil {
			return fmt.Errorf("overdue: %w", err)
		}
	}
	for i, f := range warningPercents {
		cy.Warnings[i] = cc.cal.Warning(start, within, f, end, cy.Pauses...)
		cy.Warnings[i].At = cy.Warnings[i].At.In(out)
	}
	return nil
}

// location returns the zone the timeline gives its instants in: the
// case's zone, else the own zone of the calendar of the first response
// cycle, else UTC (see shownIn).
func (r *run) location() *time.Location {
	var cal *slo.Calendar
	for i := range r.clocks {
		if k := &r.clocks[i]; k.m == response && len(k.cals) > 0 {
			cal = k.cals[0].cal
		}
	}
	return shownIn(r.zone, cal)
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

package rules

import (
	"context"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Deadline is when a case's initial response is due, on which clock, and
// which rule or table row decided it.
//
// Location is the zone the decision gives its instants in, resolved once
// per decision: the case's zone when it names one (the zone the clock ran
// in for a calendar in the account's zone); else the own zone of the
// calendar that counted (a business calendar's); else UTC (a 24x7 clock and
// no zone). A caller prints the case's instants in it without loading any
// zone again.
type Deadline struct {
	Due      time.Time      // the instant the response is due, in Location
	Target   slo.Target     // the response time and the calendar it runs on
	Rule     string         // the id of the rule that decided, or "tiers.<id>.response.<P>"
	Location *time.Location // the zone of Due: the case's, else the calendar's own, else UTC; never nil after a decision
}

// Deadline computes when the initial response to c is due.
//
// The rules that can apply to the case's tier and priority are tried in
// catalog order; the first whose when holds overrides what it names (the
// response time, the calendar or both) and the rest comes from the tier's
// table. Errors: ErrUnknownTier for an unknown tier or alias, ErrNoTarget when
// neither the table nor a rule gives a target for the priority,
// ErrZoneRequired when the calendar's zone is the account's and c.Zone is
// empty, ErrCountryRequired when the calendar's holidays are the account's
// country (holidays: [account]) and c.Country is empty, ErrInvalidZone for
// a zone that is not an IANA name (whatever the calendar), ErrInvalidCase
// for an invalid priority, and ErrCostLimit or ErrEvaluation
// when a rule fails to evaluate.
func (e *Engine) Deadline(c Case) (Deadline, error) {
	return e.DeadlineContext(context.Background(), c)
}

// DeadlineContext is Deadline under ctx: the rule chain stops when ctx is
// done, between rules and inside an expression's comprehensions, with an
// error wrapping ctx.Err() (context.DeadlineExceeded or context.Canceled).
// A ctx that is never done (context.Background()) costs nothing.
func (e *Engine) DeadlineContext(ctx context.Context, c Case) (Deadline, error) {
	r, err := e.resolve(ctx, &c, response)
	if err != nil {
		return Deadline{}, err
	}
	loc := shownIn(r.zone, r.cal)
	due := r.cal.Add(r.opened, r.target.Within, c.Pauses...).In(loc)
	return Deadline{Due: due, Target: r.target, Rule: r.rule, Location: loc}, nil
}

// Progress is where a running case stands against its response target at
// an instant: its Deadline and the calendar's Status (open time elapsed and
// remaining, breached or not, when each warning threshold is reached).
type Progress struct {
	Deadline Deadline   // the due instant, target and deciding rule
	Status   slo.Status // elapsed and remaining open time, breach, warnings
}

// Status reports how far c has run on its response clock at now, with the
// case's pauses excluded, and when the 50%, 75% and 100% warnings fall.
// now is an input: the engine never reads the wall clock. It decides the
// target exactly as Deadline does and returns the same errors, and one
// wrapping slo.ErrDurationOverflow when the open time elapsed by now does
// not fit in a time.Duration (about 292 years); the due instant and the
// warnings are in Deadline.Location.
func (e *Engine) Status(c Case, now time.Time) (Progress, error) {
	return e.StatusContext(context.Background(), c, now)
}

// StatusContext is Status under ctx, as DeadlineContext is Deadline.
func (e *Engine) StatusContext(ctx context.Context, c Case, now time.Time) (Progress, error) {
	r, err := e.resolve(ctx, &c, response)
	if err != nil {
		return Progress{}, err
	}
	st, err := r.cal.Status(r.opened, r.target.Within, now, c.Pauses...)
	if err != nil {
		return Progress{}, err
	}
	loc := shownIn(r.zone, r.cal)
	st.Due = st.Due.In(loc)
	for i := range st.Warnings {
		st.Warnings[i].At = st.Warnings[i].At.In(loc)
	}
	return Progress{Deadline: Deadline{Due: st.Due, Target: r.target, Rule: r.rule, Location: loc}, Status: st}, nil
}

// resolved is the decision about a case's target: the target, the rule or
// table row that gave it, its calendar, the account's zone when the
// calendar runs in it (else nil), the case's zone (nil when it names none)
// and the opening instant in the calendar's zone.
type resolved struct {
	target    slo.Target
	rule      string
	cal       *slo.Calendar
	loc, zone *time.Location
	opened    time.Time
}

// caseTier returns the tier of c after checking the fields every decision
// about a case needs: a known tier and a valid priority. Opened is always
// an instant (its zero value is 0001-01-01T00:00:00Z), so it is not checked.
func (e *Engine) caseTier(c *Case) (*tier, error) {
	t, err := e.tier(c.Tier)
	if err != nil {
		return nil, err
	}
	if !c.Priority.Valid() {
		return nil, fmt.Errorf("%w: priority %d is not P1-P4", ErrInvalidCase, c.Priority)
	}
	return t, nil
}

// resolve decides the target of metric m for c, its zone resolved once.
func (e *Engine) resolve(ctx context.Context, c *Case, m metric) (resolved, error) {
	t, err := e.caseTier(c)
	if err != nil {
		return resolved{}, err
	}
	zone, err := c.resolveZone()
	if err != nil {
		return resolved{}, err
	}
	return e.decide(ctx, t, c, zone, m, nil)
}

// decide decides the target of metric m for c on tier t, c already checked
// (see caseTier) and its zone resolved (nil for none): the rule chain, else
// the table, and the calendar as it runs for the case's account.
func (e *Engine) decide(ctx context.Context, t *tier, c *Case, zone *time.Location, m metric, spent *uint64) (resolved, error) {
	o := &t.objectives[m]
	target, has := o.target[c.Priority], o.has[c.Priority]
	ruleID := o.row[c.Priority]
	var r *rule
	if d := o.decide[c.Priority]; d != nil {
		var err error
		if r, err = d.eval(ctx, t.id, t.cel, c, spent); err != nil {
			return resolved{}, err
		}
		if r != nil && r.none {
			return resolved{}, fmt.Errorf("%w: rule %q of tier %q decides none for %s", ErrNoTarget, r.id, t.id, c.Priority)
		}
		if r != nil {
			ruleID = r.id
			if r.within > 0 {
				target.Within = r.within
			}
			if r.calendar != "" {
				target.Calendar = r.calendar
			}
			has = has || (r.within > 0 && r.calendar != "")
		}
	}
	if e.cov != nil {
		e.cov.decided(t, m, c.Priority, r)
	}
	if !has || target.Within <= 0 || target.Calendar == "" {
		return resolved{}, fmt.Errorf("%w: tier %q has none for %s", ErrNoTarget, t.id, c.Priority)
	}
	cal, in, err := e.calendars.forAccount(target.Calendar, zone, c.Country)
	if err != nil {
		return resolved{}, err
	}
	opened := c.Opened
	if in != nil {
		opened = opened.In(in)
	}
	return resolved{target: target, rule: ruleID, cal: cal, loc: in, zone: zone, opened: opened}, nil
}

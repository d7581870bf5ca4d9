package rules

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// Case is a support case to decide on. It is an input: the engine never
// reads the wall clock, so the same Case always gives the same Deadline.
type Case struct {
	Tier     string         // tier id or alias
	Priority slo.Priority   // P1..P4
	Opened   time.Time      // when the case was opened; required
	Zone     string         // IANA zone for calendars with zone: account
	Language string         // language of the case, e.g. "ja"; visible to CEL as case.language
	Account  string         // account id; visible to CEL as case.account and account.id
	Attrs    map[string]any // extra facts, visible to CEL as case.attrs
	Now      time.Time      // instant of the decision, CEL's now; zero means Opened
	Pauses   []slo.Interval // intervals during which the clock was stopped (waiting on the customer)
}

// Deadline is when a case's initial response is due, on which clock, and
// which rule or table row decided it.
type Deadline struct {
	Due    time.Time  // the instant the response is due, in the case's Opened location
	Target slo.Target // the response time and the calendar it runs on
	Rule   string     // the id of the rule that decided, or "tiers.<id>.response.<P>"
}

// Deadline computes when the initial response to c is due.
//
// The rules that can apply to the case's tier and priority are tried in
// catalog order; the first whose when holds overrides what it names (the
// response time, the calendar or both) and the rest comes from the tier's
// table. Errors: ErrUnknownTier for an unknown tier or alias, ErrNoTarget when
// neither the table nor a rule gives a target for the priority,
// ErrZoneRequired when the calendar's zone is the account's and c.Zone is
// empty, ErrInvalidZone for a zone that is not an IANA name, ErrInvalidCase
// for an invalid priority or a zero Opened, and ErrCostLimit or ErrEvaluation
// when a rule fails to evaluate.
func (e *Engine) Deadline(c Case) (Deadline, error) {
	t, err := e.tier(c.Tier)
	if err != nil {
		return Deadline{}, err
	}
	if !c.Priority.Valid() {
		return Deadline{}, fmt.Errorf("%w: priority %d is not P1-P4", ErrInvalidCase, c.Priority)
	}
	if c.Opened.IsZero() {
		return Deadline{}, fmt.Errorf("%w: opened is zero", ErrInvalidCase)
	}
	target, has := t.response[c.Priority], t.has[c.Priority]
	ruleID := ""
	if d := t.decide[c.Priority]; d != nil {
		r, err := d.eval(t, &c)
		if err != nil {
			return Deadline{}, err
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
	if !has || target.Within <= 0 || target.Calendar == "" {
		return Deadline{}, fmt.Errorf("%w: tier %q has none for %s", ErrNoTarget, t.id, c.Priority)
	}
	if ruleID == "" {
		ruleID = t.row[c.Priority]
	}
	cal := e.calendars[target.Calendar]
	opened := c.Opened
	if cal.Zone() == slo.AccountZone && target.Calendar != slo.AlwaysOpenName {
		if c.Zone == "" {
			return Deadline{}, fmt.Errorf("%w: calendar %q runs in the account's zone and the case gives none", ErrZoneRequired, target.Calendar)
		}
		loc, err := loadZone(c.Zone)
		if err != nil {
			return Deadline{}, err
		}
		opened = opened.In(loc)
	}
	due := cal.Add(opened, target.Within, c.Pauses...).In(c.Opened.Location())
	return Deadline{Due: due, Target: target, Rule: ruleID}, nil
}

// tableRow names a row of a tier's response table.
func tableRow(tierID string, p slo.Priority) string {
	return "tiers." + tierID + ".response." + p.String()
}

// eval runs the decision's first-match program for a case.
func (d *decision) eval(t *tier, c *Case) (*rule, error) {
	now := c.Now
	if now.IsZero() {
		now = c.Opened
	}
	// One allocation holds the activation and the values it points to.
	st := &struct {
		vars
		kase    celCase
		account celAccount
	}{
		kase: celCase{
			Tier: t.id, Priority: c.Priority.String(), Opened: c.Opened, Zone: c.Zone,
			Language: c.Language, Account: c.Account, Attrs: attrs(c.Attrs),
		},
		account: celAccount{ID: c.Account, Zone: c.Zone},
	}
	st.vars = vars{kase: &st.kase, account: &st.account, tier: t.cel, now: now}
	v := &st.vars
	out, _, err := d.prg.Eval(v)
	if err != nil {
		return nil, evalError("rules of tier "+t.id, err)
	}
	i, ok := out.Value().(int64)
	if !ok {
		return nil, fmt.Errorf("%w: rule chain returned %v", ErrEvaluation, out)
	}
	if i < 0 || int(i) >= len(d.rules) {
		return nil, nil
	}
	return d.rules[i], nil
}

var noAttrs = map[string]any{}

func attrs(m map[string]any) map[string]any {
	if m == nil {
		return noAttrs
	}
	return m
}

// Compare reports how the response targets change when an account moves from
// one tier to another: one slo.Change per priority that either tier has, in
// order P1..P4. Kind compares the response time only (a change of calendar
// alone is "unchanged"). Compare reads the tiers' tables; rules that depend on
// a case are not applied. Both arguments may be ids or aliases.
func (e *Engine) Compare(from, to string) ([]slo.Change, error) {
	a, err := e.tier(from)
	if err != nil {
		return nil, err
	}
	b, err := e.tier(to)
	if err != nil {
		return nil, err
	}
	return slo.Compare(a.table(), b.table()), nil
}

func (t *tier) table() slo.Table {
	tb := make(slo.Table, 4)
	for p := slo.P1; p <= slo.P4; p++ {
		if t.has[p] {
			tb[p] = t.response[p]
		}
	}
	return tb
}

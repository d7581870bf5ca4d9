package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var deadlineCommand = &command{
	name:     "deadline",
	synopsis: "--tier T --priority P --opened RFC3339 [--zone Z] [--attr k=v]...",
	summary:  "when a case's initial response is due, on which clock, and which rule decided",
	help: `Deadline computes when the initial response to a case is due: the tier's
response target for the priority, or the first catalog rule that matches the
case, counted on the target's calendar (24x7, or business hours in the
calendar's zone or the account's --zone).

--zone is the account's IANA zone, needed by calendars with zone: account;
instants are shown in it, or else in the zone of the calendar that counted,
or else in UTC. --attr adds facts CEL rules see as case.attrs (true/false
are booleans, integers are ints, the rest strings).

--now is the instant of the decision (CEL's now). When it is given, the
output also says where the case stands then: open time elapsed and remaining
on the target's clock, whether the target is breached, and when the 50% and
75% warnings fall.`,
	example: `tiercel deadline --tier standard --priority P1 --opened 2026-03-06T15:00:00-05:00 --zone America/New_York`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o caseFlags
		o.register(fs, true)
		return func(c *cli, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			return c.deadline(&o)
		}
	},
}

func (c *cli) deadline(o *caseFlags) error {
	kase, err := o.kase(true)
	if err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	d, st, err := decideDeadline(e, kase, o.now != "")
	if err != nil {
		return err
	}
	tier, _ := e.Tier(kase.Tier)
	v := deadlineView{tier: tier, kase: kase, d: d, st: st, meaning: e.PriorityMeaning(kase.Priority)}
	if err := allPrintable(v.instants()...); err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(v.json())
	}
	c.deadlineTable(v)
	return nil
}

// decideDeadline decides when the case's initial response is due and,
// with status, where the case stands at its Now (given: not nil): one
// decision, as Status decides the target as Deadline does.
func decideDeadline(e *rules.Engine, kase rules.Case, status bool) (rules.Deadline, *slo.Status, error) {
	if !status {
		d, err := e.Deadline(kase)
		return d, nil, err
	}
	p, err := e.Status(kase, *kase.Now)
	if err != nil {
		return rules.Deadline{}, nil, err
	}
	return p.Deadline, &p.Status, nil
}

// deadlineView is a decided deadline as the deadline command shows it.
type deadlineView struct {
	tier rules.Tier
	kase rules.Case
	d    rules.Deadline
	st   *slo.Status // where the case stands at --now; nil without it
	// meaning is the catalog's wording of the priority, "" for none.
	meaning string
}

// in returns t in the zone of the decision (rules.Deadline.Location: the
// case's --zone, else the calendar's own, else UTC).
func (v deadlineView) in(t time.Time) time.Time { return t.In(v.d.Location) }

// instants returns every instant the view shows, named.
func (v deadlineView) instants() []shown {
	list := []shown{{"opened", v.in(v.kase.Opened)}, {"due", v.in(v.d.Due)}}
	if v.st != nil {
		list = append(list, shown{"now", v.in(*v.kase.Now)})
		for _, w := range v.st.Warnings {
			list = append(list, shown{fmt.Sprintf("the %d%% warning", w.Fraction), v.in(w.At)})
		}
	}
	return list
}

// json returns the view's JSON form.
func (v deadlineView) json() answer.Deadline {
	return answer.NewDeadline(v.tier.ID, v.kase, v.d, v.st)
}

// deadlineTable writes the view as a table of names and values.
func (c *cli) deadlineTable(v deadlineView) {
	t := c.table()
	v.rows(t)
	t.flush()
}

// rows adds the view's names and values to t.
func (v deadlineView) rows(t *table) {
	kase, d, st := v.kase, v.d, v.st
	t.row("tier", v.tier.ID+" ("+v.tier.Name+")")
	if v.meaning != "" {
		t.row("priority", kase.Priority.String()+" ("+v.meaning+")")
	} else {
		t.row("priority", kase.Priority.String())
	}
	t.row("opened", formatInstant(v.in(kase.Opened)))
	t.row("due", formatInstant(v.in(d.Due)))
	t.row("target", d.Target.String())
	t.row("rule", d.Rule)
	if st != nil {
		t.row("now", formatInstant(v.in(*kase.Now)))
		t.row("elapsed", slo.FormatDuration(st.Elapsed))
		t.row("remaining", signedDuration(st.Remaining))
		t.row("breached", yesNo(st.Breached))
		for _, w := range st.Warnings[:len(st.Warnings)-1] { // the last is the due instant
			t.row(fmt.Sprintf("%d%% at", w.Fraction), formatInstant(v.in(w.At)))
		}
	}
}

// signedDuration formats a remaining time, negative once overdue.
func signedDuration(d time.Duration) string {
	if d < 0 {
		return "-" + slo.FormatDuration(-d)
	}
	return slo.FormatDuration(d)
}

package main

import (
	"flag"
	"fmt"
	"time"

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
the due instant is then shown in that zone. --attr adds facts CEL rules see
as case.attrs (true/false are booleans, integers are ints, the rest strings).

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

type deadlineJSON struct {
	Tier     string      `json:"tier"`
	Priority string      `json:"priority"`
	Opened   jsonTime    `json:"opened"`
	Zone     string      `json:"zone,omitempty"`
	Due      jsonTime    `json:"due"`
	Target   string      `json:"target"`
	Within   string      `json:"within"`
	Calendar string      `json:"calendar"`
	Rule     string      `json:"rule"`
	Status   *statusJSON `json:"status,omitempty"`
}

// statusJSON is where a case stands at --now.
type statusJSON struct {
	Now       jsonTime   `json:"now"`
	Elapsed   string     `json:"elapsed"`
	Remaining string     `json:"remaining"`
	Breached  bool       `json:"breached"`
	Warnings  []jsonTime `json:"warnings"` // at 50%, 75% and 100% of the target
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
	// One decision: Status decides the target as Deadline does.
	var (
		d  rules.Deadline
		st *slo.Status
	)
	if o.now != "" {
		p, err := e.Status(kase, kase.Now)
		if err != nil {
			return err
		}
		d, st = p.Deadline, &p.Status
	} else if d, err = e.Deadline(kase); err != nil {
		return err
	}
	tier, _ := e.Tier(kase.Tier)
	// Show the instants in the account's zone, or else in the zone of the
	// calendar that counted, or else as --opened was written.
	opened, due := kase.Opened, d.Due
	var loc *time.Location
	if kase.Zone != "" {
		loc, _ = loadZone(kase.Zone) // checked by o.kase
	} else if cal, ok := e.Calendar(d.Target.Calendar); ok {
		loc = cal.Location() // nil for 24x7 and account-zone calendars
	}
	if loc != nil {
		opened, due = opened.In(loc), due.In(loc)
	}
	in := func(t time.Time) time.Time {
		if loc != nil {
			return t.In(loc)
		}
		return t
	}
	list := []shown{{"opened", opened}, {"due", due}}
	if st != nil {
		list = append(list, shown{"now", in(kase.Now)})
		for _, w := range st.Warnings {
			list = append(list, shown{fmt.Sprintf("the %d%% warning", w.Fraction), in(w.At)})
		}
	}
	if err := allPrintable(list...); err != nil {
		return err
	}
	if c.json() {
		out := deadlineJSON{
			Tier: tier.ID, Priority: kase.Priority.String(), Opened: jsonTime(opened), Zone: kase.Zone,
			Due: jsonTime(due), Target: d.Target.String(), Within: slo.FormatDuration(d.Target.Within),
			Calendar: d.Target.Calendar, Rule: d.Rule,
		}
		if st != nil {
			out.Status = &statusJSON{Now: jsonTime(in(kase.Now)), Elapsed: slo.FormatDuration(st.Elapsed),
				Remaining: signedDuration(st.Remaining), Breached: st.Breached}
			for _, w := range st.Warnings {
				out.Status.Warnings = append(out.Status.Warnings, jsonTime(in(w.At)))
			}
		}
		return c.writeJSON(out)
	}
	t := c.table()
	t.row("tier", tier.ID+" ("+tier.Name+")")
	t.row("priority", kase.Priority.String()+" ("+kase.Priority.Meaning()+")")
	t.row("opened", formatTime(opened))
	t.row("due", formatTime(due))
	t.row("target", d.Target.String())
	t.row("rule", d.Rule)
	if st != nil {
		t.row("now", formatTime(in(kase.Now)))
		t.row("elapsed", slo.FormatDuration(st.Elapsed))
		t.row("remaining", signedDuration(st.Remaining))
		t.row("breached", yesNo(st.Breached))
		for _, w := range st.Warnings[:len(st.Warnings)-1] { // the last is the due instant
			t.row(fmt.Sprintf("%d%% at", w.Fraction), formatTime(in(w.At)))
		}
	}
	t.flush()
	return nil
}

// signedDuration formats a remaining time, negative once overdue.
func signedDuration(d time.Duration) string {
	if d < 0 {
		return "-" + slo.FormatDuration(-d)
	}
	return slo.FormatDuration(d)
}

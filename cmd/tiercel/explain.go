package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var explainCommand = &command{
	name:     "explain",
	synopsis: "deadline|status --tier T --priority P --opened RFC3339 [--zone Z] [--now T] [--pause FROM/TO]... [--attr k=v]... | timeline CASE.yaml",
	summary:  "why a case's response is due when it is: rules tried, table row, open stretches, closures",
	help: `Explain answers the question deadline answers, with the same flags, and
says how the answer was reached:

- every rule of the catalog, in order, with where it is written (file:line):
  skipped by its filters (metric, tiers, priorities), false, matched, or not
  reached after the match;
- the tier's table row (tiers.<id>.response.<P>);
- the walk on the target's calendar from the opening to the due instant:
  each stretch of open time counted, from-to with its open time and the
  total so far; each closure skipped with its cause (outside hours,
  weekend, a public holiday by name and country, a closed date); the
  pauses; the DST changes crossed.

explain status also says where the case stands at --now (required).
explain timeline CASE.yaml explains each cycle of the case file's timeline
(see timeline --help): the rules as its last decision met them and its
table row, the priority and tier changes made while it ran (each a
retarget, or a restart), and its walk, its pauses excluded.
--pause FROM/TO (repeatable) stops the clock from FROM to TO, instants as
--opened takes them.

The path is told as a person would tell it:

  Fri 15:00–17:00 EST 2h (of 8h)
  Sat–Sun closed (weekend)
  DST change Sun 02:00 (EST → EDT)
  Mon 09:00–15:00 EDT 6h (8h of 8h)
  → due Mon 15:00

Exit status as deadline: 0 explained; 2 a bad command line; 4 the catalog
cannot decide (unknown tier, no target, zone or country required); 5 a walk
of more than 5000 steps.`,
	example: `tiercel explain deadline --tier standard --priority P3 --opened 2026-03-06T15:00:00-05:00 --zone America/New_York
tiercel explain timeline --catalog cmd/tiercel/testdata/lifecycle.yaml cmd/tiercel/testdata/case.yaml
tiercel explain status --tier standard --priority P3 --opened 2026-03-06T15:00:00-05:00 --zone America/New_York --now 2026-03-09T12:00:00-04:00`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o caseFlags
		var pauses stringsFlag
		o.register(fs, true)
		fs.Var(&pauses, "pause", "a pause of the clock, `FROM/TO` (instants as --opened); repeatable")
		return func(c *cli, args []string) error {
			if len(args) == 2 && args[0] == "timeline" {
				return c.explainTimeline(args[1])
			}
			if len(args) != 1 || (args[0] != "deadline" && args[0] != "status") {
				return usagef("want a question: deadline, status or timeline CASE.yaml, got %q", strings.Join(args, " "))
			}
			if args[0] == "status" && o.now == "" {
				return usagef("explain status needs --now")
			}
			return c.explain(&o, pauses, args[0] == "status")
		}
	},
}

func (c *cli) explain(o *caseFlags, pauses []string, status bool) error {
	kase, err := o.kase(true)
	if err != nil {
		return err
	}
	if kase.Pauses, err = parsePauses(pauses, o.zone); err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	var x rules.Explanation
	if status {
		x, err = e.ExplainStatus(kase, *kase.Now)
	} else {
		x, err = e.Explain(kase)
	}
	if err != nil {
		return err
	}
	tier, _ := e.Tier(kase.Tier)
	v := deadlineView{tier: tier, kase: kase, d: x.Deadline, st: x.Status, meaning: e.PriorityMeaning(kase.Priority)}
	if err := allPrintable(v.instants()...); err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(answer.NewExplain(tier.ID, kase, x))
	}
	t := c.table()
	v.rows(t)
	t.row("row", x.Row)
	t.flush()
	c.explainText(x)
	return nil
}

// parsePauses reads the --pause flags, FROM/TO each, instants in zone.
func parsePauses(list []string, zone string) ([]slo.Interval, error) {
	loc, err := loadZone(zone)
	if err != nil {
		return nil, err
	}
	out := make([]slo.Interval, 0, len(list))
	for _, p := range list {
		from, to, ok := strings.Cut(p, "/")
		if !ok {
			return nil, usagef("--pause %q: want FROM/TO", p)
		}
		var iv slo.Interval
		if iv.Start, err = parseInstant("pause", from, loc); err != nil {
			return nil, err
		}
		if iv.End, err = parseInstant("pause", to, loc); err != nil {
			return nil, err
		}
		if !iv.End.After(iv.Start) {
			return nil, usagef("--pause %q: it ends before it starts", p)
		}
		out = append(out, iv)
	}
	return out, nil
}

// explainText writes the rules and the walk of x after the deadline's
// table.
func (c *cli) explainText(x rules.Explanation) {
	c.rulesText("  ", x.Rules)
	c.walkText("path", "  ", x.Walk)
}

// rulesText writes rule steps under the heading "rules", indented.
func (c *cli) rulesText(indent string, steps []rules.RuleStep) {
	if len(steps) == 0 {
		return
	}
	fmt.Fprintln(c.stdout, indent[:len(indent)-2]+"rules")
	t := c.table()
	for _, r := range steps {
		outcome := r.Outcome.String()
		if r.Why != "" {
			outcome += " (" + r.Why + ")"
		}
		t.row(indent+r.ID, r.At, outcome)
	}
	t.flush()
}

// walkText writes a walk's clauses under a heading, indented.
func (c *cli) walkText(heading, indent string, w slo.Walk) {
	fmt.Fprintln(c.stdout, indent[:len(indent)-2]+heading)
	for _, line := range w.Clauses() {
		fmt.Fprintln(c.stdout, indent+line)
	}
}

func (c *cli) explainTimeline(path string) error {
	h, err := input.LoadCaseFile(path)
	if err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	if _, err := h.Timeline(e); err != nil { // the positioned errors of the case file
		return err
	}
	x, err := e.ExplainTimeline(h.Case, h.Events, h.Now)
	if err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(answer.NewExplainTimeline(h.Case, len(h.Events), x))
	}
	fmt.Fprintf(c.stdout, "case %s %s opened %s, now %s (%s)\n", x.Timeline.Tier, x.Timeline.Priority,
		formatInstant(h.Case.Opened.In(x.Timeline.Location)), formatInstant(x.Timeline.Now.In(x.Timeline.Location)), x.Timeline.Location)
	for _, cx := range x.Cycles {
		c.cycleText(cx)
	}
	return nil
}

// cycleText writes one cycle explained.
func (c *cli) cycleText(cx rules.CycleExplanation) {
	cy := cx.Cycle
	fmt.Fprintf(c.stdout, "\n%s cycle %d: %s, rule %s (row %s)\n", cx.Metric, cx.Number, cy.State, cy.Rule, cx.Row)
	for _, r := range cx.Retargets {
		how := "retargeted from the cycle's start"
		if r.Restart {
			how = "restarted: a new cycle from then"
		}
		fmt.Fprintf(c.stdout, "  %s %s → %s at %s: %s\n", r.What, r.From, r.To, formatInstant(r.At), how)
	}
	c.rulesText("    ", cx.Rules)
	if cy.Target.Within == 0 {
		fmt.Fprintln(c.stdout, "  no target")
		return
	}
	c.walkText("path", "    ", cx.Walk)
}

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var timelineCommand = &command{
	name:     "timeline",
	synopsis: "[--svg FILE] CASE.yaml",
	summary:  "every clock of a case from its events: cycles, pauses, due, breaches, warnings",
	help: `Timeline computes every clock of a case from its event history: for each
metric its tiers promise (response, nextReply, update, resolution), each
cycle with its state (running, paused, achieved, cancelled), start, due,
end, open time elapsed (on the target's calendar, pauses excluded), wall
time paused, whether and by how much wall time it is breached, the 50% and
75% warnings and the rule that set its target.

CASE.yaml (or .json) holds the case and its events:

  tier: std
  priority: P3
  opened: 2026-03-05T10:00:00+01:00
  zone: Europe/Berlin            # also: language, account, country, attrs
  now: 2026-03-10T12:00:00+01:00 # the instant the clocks are read at
  events:
    - {at: 2026-03-05T11:00:00+01:00, type: message, by: agent}
    - {at: 2026-03-06T11:00:00+01:00, type: status, status: waiting on customer}

Event types are message (by agent or customer), status, priority, tier and
note; any event may also set status, priority or tier, and attrs for CEL.
Instants are shown in the case's zone, or else in the zone of the calendar
of its first response clock, or else in UTC; a warning marked * was
reached by the cycle's end (or now).

--svg FILE also writes a picture of the clocks: one bar per cycle on a time
axis from the opening to now, paused time hatched, the time past due in red,
due and warning marks and the events on the axis.

Exit status 0 when the timeline is computed, breached or not (a breach is
part of the answer, as with deadline --now); 3 when the case file is
missing or invalid or the engine refuses it (an event out of order, an
unknown tier: the error names the line of the event); 1 when the picture
cannot be written.`,
	example: `tiercel timeline --catalog cmd/tiercel/testdata/lifecycle.yaml cmd/tiercel/testdata/case.yaml
tiercel timeline --catalog cmd/tiercel/testdata/lifecycle.yaml --output json cmd/tiercel/testdata/case.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var svg string
		fs.StringVar(&svg, "svg", "", "also write a picture of the clocks to `FILE` (SVG)")
		return func(c *cli, args []string) error {
			if len(args) != 1 {
				return usagef("want one case file, got %s", plural(len(args), "argument"))
			}
			return c.timeline(args[0], svg)
		}
	},
}

// caseView is a computed timeline with its case, its instants in the
// zone they are shown in.
type caseView struct {
	h    *input.History
	tl   rules.Timeline
	loc  *time.Location
	zone string     // the name of loc as the header shows it
	tier rules.Tier // the case's tier at its opening
}

func (c *cli) timeline(path, svgPath string) error {
	h, err := input.LoadCaseFile(path)
	if err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	tl, err := h.Timeline(e)
	if err != nil {
		return err
	}
	v := newCaseView(h, tl)
	v.tier, _ = e.Tier(h.Case.Tier) // the tier at the opening: known, or Timeline failed
	if err := allPrintable(v.instants()...); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if svgPath != "" {
		if err := v.writeSVG(svgPath); err != nil {
			return err
		}
	}
	if c.json() {
		return c.writeJSON(v.json())
	}
	v.text(c)
	return nil
}

// newCaseView shows tl in the location the timeline gives (the case's
// zone, else its response calendar's own, else UTC).
func newCaseView(h *input.History, tl rules.Timeline) *caseView {
	return &caseView{h: h, tl: tl, loc: tl.Location, zone: tl.Location.String()}
}

// in returns t in the view's zone (the zero time, "none" where an output
// is optional, stays IsZero).
func (v *caseView) in(t time.Time) time.Time { return t.In(v.loc) }

// endOf writes when cy ended in the view's zone, "-" while it runs or is
// paused (a cycle that ended at 0001-01-01T00:00:00Z has ended).
func (v *caseView) endOf(cy rules.Cycle) string {
	if cy.Ended() {
		return v.clock(cy.End)
	}
	return "-"
}

// instants lists every instant the output shows, for allPrintable.
func (v *caseView) instants() []shown {
	list := []shown{{"opened", v.in(v.h.Case.Opened)}, {"now", v.in(v.tl.Now)}}
	for _, m := range v.tl.Metrics {
		for _, cy := range m.Cycles {
			list = append(list, shown{m.Metric + " due", v.in(cy.Due)})
			for _, w := range cy.Warnings {
				list = append(list, shown{m.Metric + " warning", v.in(w.At)})
			}
		}
	}
	return list
}

// json returns the view's JSON form.
func (v *caseView) json() answer.Timeline {
	return answer.NewTimeline(v.h.Case, len(v.h.Events), v.tl)
}

// clock writes an instant in the view's zone, 0001-01-01T00:00:00Z too.
func (v *caseView) clock(t time.Time) string { return v.in(t).Format(picture.ClockLayout) }

// clockOrNone writes a cycle's due instant in the view's zone, "-" for the
// zero time: none, without a target (with one it is after the cycle's
// start, so never 0001-01-01T00:00:00Z).
func (v *caseView) clockOrNone(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return v.clock(t)
}

// writeSVG draws the view's clocks to the file at path.
func (v *caseView) writeSVG(path string) error {
	c := picture.TimelineCase{Case: v.h.Case, Events: v.h.Events, TierName: v.tier.Name, Location: v.loc, Zone: v.zone}
	return writePicture(path, func(w io.Writer) error { return picture.Timeline(w, v.tl, c) })
}

// writePicture creates the file at path (the value of --svg) and draws
// into it. Its errors are outputErrors: the flag's file cannot be written
// (exit status 2).
func writePicture(path string, draw func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return outputError{fmt.Errorf("--svg: %w", err)}
	}
	if err := draw(f); err != nil {
		f.Close()
		return outputError{fmt.Errorf("--svg: %s: %w", path, err)}
	}
	if err := f.Close(); err != nil {
		return outputError{fmt.Errorf("--svg: %s: %w", path, err)}
	}
	return nil
}

// targetText is a cycle's target, "none" when its tier promises none.
func targetText(t slo.Target) string {
	if t.Within == 0 {
		return "none"
	}
	return t.String()
}

func (v *caseView) text(c *cli) {
	kase := v.h.Case
	t := c.table()
	t.row("case", fmt.Sprintf("%s (%s) %s, opened %s", v.tier.ID, v.tier.Name, kase.Priority, v.clock(kase.Opened)))
	t.row("now", fmt.Sprintf("%s: status %s, %s, tier %s", v.clock(v.tl.Now), v.tl.Status, v.tl.Priority, v.tl.Tier))
	t.row("events", fmt.Sprint(len(v.h.Events)))
	t.row("times in", v.zone)
	t.flush()
	fmt.Fprintln(c.stdout)
	if len(v.tl.Metrics) == 0 {
		fmt.Fprintln(c.stdout, "no metric: the case's tiers promise no target")
		return
	}
	t = c.table()
	t.row("METRIC", "#", "STATE", "TARGET", "START", "DUE", "END", "ELAPSED (OPEN)", "PAUSED (WALL)", "BREACHED (WALL)", "50%", "75%", "RULE")
	for _, m := range v.tl.Metrics {
		for i, cy := range m.Cycles {
			breached := "no"
			if cy.Breached {
				breached = "yes, " + slo.FormatDuration(cy.Overdue)
			}
			t.row(m.Metric, fmt.Sprint(i+1), cy.State.String(), fmt.Sprintf("%s (%s)", targetText(cy.Target), cy.Priority),
				v.clock(cy.Start), v.clockOrNone(cy.Due), v.endOf(cy), slo.FormatDuration(cy.Elapsed), slo.FormatDuration(cy.Paused),
				breached, v.warning(cy, 0), v.warning(cy, 1), cy.Rule)
		}
	}
	t.flush()
	fmt.Fprintln(c.stdout, "\nOPEN: time on the target's calendar, pauses excluded. WALL: time on the clock, every hour counted.")
}

// warning writes the i-th warning of cy, marked * when reached.
func (v *caseView) warning(cy rules.Cycle, i int) string {
	if cy.Due.IsZero() {
		return "-"
	}
	w := cy.Warnings[i]
	s := v.clock(w.At)
	if w.Reached {
		s += "*"
	}
	return s
}

package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/slo"
)

var auditCommand = &command{
	name:     "audit",
	synopsis: "CATALOG EVENTS...",
	summary:  "compare the SLA breaches a helpdesk recorded with what a catalog computes",
	help: `Audit recomputes every ticket of a Zendesk export on the catalog CATALOG,
with the ticket's history (timeline), and compares each cycle of each SLA
metric with what Zendesk recorded: when it was fulfilled and when it
breached. Each row is a ticket, a metric and its cycle (Zendesk's
instance), and a verdict: agree; recorded-breach (Zendesk recorded a
breach the catalog says was met); catalog-breach (the reverse); target (the
same outcome on another target); time (the same outcome, but it ended or
was due more than --tolerance apart); unrecorded (the catalog has a target,
Zendesk applied no SLA); uncomputed (the reverse); no-history (Zendesk's
metric events for a ticket whose audits are not given); error (the
catalog cannot compute the ticket's timeline).

EVENTS are pages of Zendesk's JSON, in any order: GET
/api/v2/incremental/ticket_metric_events (what Zendesk recorded) and GET
/api/v2/ticket_audits (each ticket's priority, type, tags, status changes
and comments, which rebuild its history). Zendesk's reply_time is
first_reply_time (instance 1) and next_reply_time (the others), its
resolution_time total_resolution_time; a catalog that writes one of them as
a built-in metric (response, nextReply, update, resolution) is matched by
that name. Every ticket is on tier --tier.

Cycles still running are measured at --now, by default the latest instant
of the export (never the clock); with an earlier --now, what happened
after it is left out. The exit status is 0 when the export was
audited, disagreements included, unless --fail-on-disagree: then 1 when a
row does not agree.`,
	example: `tiercel audit examples/zendesk/catalog.yaml examples/zendesk/audits.json examples/zendesk/metric_events.json
tiercel audit --output csv examples/zendesk/catalog.yaml examples/zendesk/audits.json examples/zendesk/metric_events.json`,
	csv: true,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var tier, now string
		var tolerance time.Duration
		var failOnDisagree bool
		fs.StringVar(&tier, "tier", "zendesk", "the `tier` of every ticket")
		fs.StringVar(&now, "now", "", "the `instant` running cycles are measured to (default: the latest instant of the export)")
		fs.DurationVar(&tolerance, "tolerance", time.Minute, "how far apart two instants may be and agree (Zendesk counts in minutes)")
		fs.BoolVar(&failOnDisagree, "fail-on-disagree", false, "exit 1 when a row does not agree")
		return func(c *cli, args []string) error {
			if len(args) < 2 {
				return usagef("want CATALOG and at least one EVENTS file; got %s", plural(len(args), "argument"))
			}
			if c.customCatalog() {
				return usagef("the catalog is the first argument, %s: give no %s", args[0], c.catalogFlag())
			}
			o := audit.Options{Tier: tier, Tolerance: tolerance}
			if now != "" {
				t, err := parseInstant("now", now, nil)
				if err != nil {
					return err
				}
				o.Now = &t
			}
			c.catalogs = args[:1]
			rep, err := c.audit(args[1:], o)
			if err != nil {
				return err
			}
			if err := c.printAudit(&rep, o); err != nil {
				return err
			}
			if failOnDisagree && rep.Disagreements() > 0 {
				return errFailed
			}
			return nil
		}
	},
}

// audit loads the catalog and audits the export in files.
func (c *cli) audit(files []string, o audit.Options) (audit.Report, error) {
	e, err := c.engine()
	if err != nil {
		return audit.Report{}, err
	}
	return audit.RunFiles(e, o, files...)
}

// printAudit prints the report as --output says.
func (c *cli) printAudit(rep *audit.Report, o audit.Options) error {
	list := make([]shown, 0, 1+2*len(rep.Rows))
	list = append(list, shown{"now", rep.Now})
	for i := range rep.Rows {
		list = append(list, shown{"due", rep.Rows[i].Cycle.Due}, shown{"end", rep.Rows[i].Cycle.End})
	}
	if err := allPrintable(list...); err != nil {
		return err
	}
	switch c.output {
	case "json":
		return c.writeJSON(answer.NewAudit(rep, o.Tier, o.Tolerance))
	case "csv":
		return c.auditCSV(rep)
	}
	c.auditText(rep, o)
	return nil
}

// auditText prints the rows as a table, then why each disagrees, then the
// summary.
func (c *cli) auditText(rep *audit.Report, o audit.Options) {
	fmt.Fprintf(c.stdout, "Audit of %s on tier %s at %s (tolerance %s)\n\n", plural(rep.Summary.Tickets, "ticket"), o.Tier, rep.Now.Format(time.RFC3339), slo.FormatDuration(o.Tolerance))
	tb := c.table()
	tb.row("TICKET", "METRIC", "#", "VERDICT", "TARGET", "DUE", "ENDED", "RECORDED TARGET", "BREACHED", "FULFILLED")
	for i := range rep.Rows {
		r := &rep.Rows[i]
		tb.row(r.Ticket, dash(r.Metric), dash(instance(r)), string(r.Verdict), cycleTarget(r), cycleTime(r, r.Cycle.Due, r.Cycle.Target.Within != 0), cycleTime(r, r.Cycle.End, r.Cycle.Ended()),
			recordedTarget(r), recordedTime(r, r.Recorded.Breached, r.Recorded.HasBreached), recordedTime(r, r.Recorded.Fulfilled, r.Recorded.HasFulfilled))
	}
	tb.flush()
	if rep.Disagreements() > 0 {
		fmt.Fprintln(c.stdout, "\nDisagreements:")
		for i := range rep.Rows {
			if r := &rep.Rows[i]; r.Verdict != audit.Agree {
				fmt.Fprintf(c.stdout, "  %s: %s\n", ref(audit.Ref{Ticket: r.Ticket, Metric: r.Metric, Instance: r.Instance}), r.Why)
			}
		}
	}
	s := &rep.Summary
	var counts []string
	for _, v := range audit.Verdicts {
		if n := s.Counts[v]; n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", n, v))
		}
	}
	fmt.Fprintf(c.stdout, "\n%s: %s\n", plural(s.Rows, "row"), strings.Join(counts, ", "))
	fmt.Fprintf(c.stdout, "Breaches recorded that the catalog says were met (%d): %s\n", len(s.RecordedBreaches), refs(s.RecordedBreaches))
	fmt.Fprintf(c.stdout, "Breaches the catalog computes that were not recorded (%d): %s\n", len(s.CatalogBreaches), refs(s.CatalogBreaches))
}

// auditCSV prints one line a row, with a header.
func (c *cli) auditCSV(rep *audit.Report) error {
	w := csv.NewWriter(c.stdout)
	_ = w.Write([]string{"ticket", "metric", "instance", "verdict", "target", "due", "ended", "recorded_target", "breached", "fulfilled", "end_diff", "due_diff", "why"})
	for i := range rep.Rows {
		r := &rep.Rows[i]
		_ = w.Write([]string{r.Ticket, r.Metric, strconv.Itoa(r.Instance), string(r.Verdict), blank(cycleTarget(r)), blank(cycleTime(r, r.Cycle.Due, r.Cycle.Target.Within != 0)),
			blank(cycleTime(r, r.Cycle.End, r.Cycle.Ended())), blank(recordedTarget(r)), blank(recordedTime(r, r.Recorded.Breached, r.Recorded.HasBreached)),
			blank(recordedTime(r, r.Recorded.Fulfilled, r.Recorded.HasFulfilled)),
			diff(r.EndDiff, r.HasEndDiff), diff(r.DueDiff, r.HasDueDiff), r.Why})
	}
	w.Flush()
	return w.Error()
}

// The cells of a row; "-" for none.

func instance(r *audit.Row) string {
	if r.Instance == 0 {
		return ""
	}
	return strconv.Itoa(r.Instance)
}

func cycleTarget(r *audit.Row) string {
	if !r.HasCycle || r.Cycle.Target.Within == 0 {
		return "-"
	}
	return r.Cycle.Target.String()
}

// cycleTime writes an instant of the computed cycle, "-" when the row has
// no cycle or the instant is not there (given says: a due instant needs a
// target, an end an ended cycle, whose end may be 0001-01-01).
func cycleTime(r *audit.Row, t time.Time, given bool) string {
	if !r.HasCycle || !given {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func recordedTarget(r *audit.Row) string {
	if !r.HasRecord || !r.Recorded.SLA {
		return "-"
	}
	hours := "24x7"
	if r.Recorded.BusinessHours {
		hours = "business"
	}
	return slo.FormatDuration(r.Recorded.Target) + " " + hours
}

// recordedTime writes an instant the helpdesk recorded, "-" when the row
// has no record or the record has not the instant (recorded says: not
// fulfilled, not breached; 0001-01-01 is an instant like any other).
func recordedTime(r *audit.Row, t time.Time, recorded bool) string {
	if !r.HasRecord || !recorded {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func blank(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func diff(d time.Duration, ok bool) string {
	if !ok {
		return ""
	}
	return slo.FormatSigned(d)
}

func ref(r audit.Ref) string {
	if r.Metric == "" {
		return "ticket " + r.Ticket
	}
	return fmt.Sprintf("ticket %s %s #%d", r.Ticket, r.Metric, r.Instance)
}

func refs(list []audit.Ref) string {
	if len(list) == 0 {
		return "none"
	}
	out := make([]string, len(list))
	for i, r := range list {
		out[i] = ref(r)
	}
	return strings.Join(out, ", ")
}

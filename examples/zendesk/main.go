// Command zendesk audits a Zendesk export on a catalog: it rebuilds each
// ticket's history from Zendesk's ticket audits (audits.json, as GET
// /api/v2/ticket_audits returns them), recomputes every SLA clock with the
// catalog (catalog.yaml: tier zendesk on a New York business calendar
// closed for Independence Day), and compares each cycle with what Zendesk
// recorded in its ticket metric events (metric_events.json, as GET
// /api/v2/incremental/ticket_metric_events returns them).
//
//	go run ./examples/zendesk
//
// Ticket 101 crosses the holiday and a weekend and agrees; Zendesk recorded
// a breach on ticket 102 that the catalog says was met (Zendesk's schedule
// lacked the holiday); the catalog's tighter urgent target breaches ticket
// 103, which Zendesk's policy met. tiercel audit prints the same audit:
//
//	tiercel audit examples/zendesk/catalog.yaml examples/zendesk/audits.json examples/zendesk/metric_events.json
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

var (
	//go:embed catalog.yaml
	catalog []byte
	//go:embed audits.json
	audits []byte
	//go:embed metric_events.json
	metricEvents []byte
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run audits the export and prints each cycle's verdict, then the
// breaches the two sides disagree on.
func run(w io.Writer) error {
	e, err := rules.Compile("catalog.yaml", catalog)
	if err != nil {
		return err
	}
	var r input.ZendeskReader
	_ = r.Add("audits.json", audits) // Export returns every page's errors
	_ = r.Add("metric_events.json", metricEvents)
	x, err := r.Export()
	if err != nil {
		return err
	}
	rep, err := audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ticket\tmetric\tverdict\tcatalog due\tended")
	for _, row := range rep.Rows {
		due, end := "-", "-"
		if row.HasCycle {
			due, end = row.Cycle.Due.Format("Mon Jan 2 15:04"), row.Cycle.End.Format("Mon Jan 2 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", row.Ticket, row.Metric, row.Verdict, due, end)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nZendesk's breaches the catalog says were met: %v\n", rep.Summary.RecordedBreaches)
	fmt.Fprintf(w, "The catalog's breaches Zendesk did not record: %v\n", rep.Summary.CatalogBreaches)
	for _, row := range rep.Rows {
		if row.Verdict != audit.Agree {
			fmt.Fprintf(w, "  %s %s: %s\n", row.Ticket, row.Metric, row.Why)
		}
	}
	return nil
}

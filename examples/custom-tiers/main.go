// Command custom-tiers shows a vendor's own support tiers in tiercel: a
// catalog (tiers.yaml) with a Berlin office calendar that closes for lunch
// ("08:00-12:00, 13:00-17:00") and on German public holidays, three tiers,
// and a CEL rule that puts production outages of Business customers on call.
//
//	go run ./examples/custom-tiers
//
// It prints the deadlines of a few cases, showing which rule decided each,
// how the targets change from Business to Critical, and every clock of one
// Critical case from its events (Engine.Timeline). The catalog's own test
// suite is tiers_test.yaml.
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

//go:embed tiers.yaml
var catalog []byte

func main() {
	e, err := rules.Compile("tiers.yaml", catalog)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := run(os.Stdout, e); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// berlin is the office's zone; the cases below are written in it.
var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	loc, err := slo.LoadZone(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// cases are the questions the example asks.
var cases = []struct {
	what string
	c    rules.Case
}{
	{"business P2, Monday 10:00 (lunch 12-13 does not count)",
		rules.Case{Zone: "Europe/Berlin", Tier: "business", Priority: slo.P2, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, berlin)}},
	{"business P2, opened during lunch",
		rules.Case{Zone: "Europe/Berlin", Tier: "business", Priority: slo.P2, Opened: time.Date(2026, 3, 2, 12, 30, 0, 0, berlin)}},
	{"business P1, Friday 16:00",
		rules.Case{Zone: "Europe/Berlin", Tier: "business", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 0, 0, 0, berlin)}},
	{"business P1 in production, Saturday 22:00",
		rules.Case{Zone: "Europe/Berlin", Tier: "business", Priority: slo.P1, Opened: time.Date(2026, 3, 7, 22, 0, 0, 0, berlin),
			Attrs: map[string]any{"environment": "production"}}},
	{"business P3, Thursday before Easter 15:00",
		rules.Case{Zone: "Europe/Berlin", Tier: "business", Priority: slo.P3, Opened: time.Date(2026, 4, 2, 15, 0, 0, 0, berlin)}},
	{"critical P1, Good Friday 03:00",
		rules.Case{Zone: "Europe/Berlin", Tier: "critical", Priority: slo.P1, Opened: time.Date(2026, 4, 3, 3, 0, 0, 0, berlin)}},
}

func run(w io.Writer, e *rules.Engine) error {
	fmt.Fprintln(w, "Northwind Software support: deadlines on Berlin office hours with a lunch break")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CASE\tOPENED\tDUE\tTARGET\tDECIDED BY")
	const layout = "Mon 2 Jan 15:04"
	for _, k := range cases {
		d, err := e.Deadline(k.c)
		if err != nil {
			return fmt.Errorf("%s: %w", k.what, err)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.what, k.c.Opened.Format(layout), d.Due.Format(layout), d.Target, d.Rule)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Moving from business to critical:")
	changes, err := e.Compare("business", "critical")
	if err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PRIORITY\tFROM\tTO\tCHANGE")
	for _, ch := range changes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ch.Priority, ch.From, ch.To, ch.Kind)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return clocks(w, e)
}

// at is a wall-clock instant of March 2026 in Berlin.
func at(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, berlin) }

// incident is a Critical P2 raised to P1, pending on the customer over a
// night, solved, reopened by the customer and solved again.
var incident = []rules.Event{
	{At: at(2, 10, 20), Type: rules.EventMessage, By: rules.ByAgent},
	{At: at(2, 11, 0), Type: rules.EventPriority, Priority: slo.P1},
	{At: at(2, 11, 30), Type: rules.EventMessage, By: rules.ByCustomer},
	{At: at(2, 12, 45), Type: rules.EventMessage, By: rules.ByAgent, Status: "pending"},
	{At: at(3, 9, 0), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
	{At: at(3, 9, 30), Type: rules.EventMessage, By: rules.ByAgent, Status: "solved"},
	{At: at(3, 14, 0), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
	{At: at(3, 14, 40), Type: rules.EventMessage, By: rules.ByAgent, Status: "solved"},
}

// clocks prints every cycle of every clock of the incident.
func clocks(w io.Writer, e *rules.Engine) error {
	c := rules.Case{Zone: "Europe/Berlin", Tier: "critical", Priority: slo.P2, Opened: at(2, 10, 0)}
	tl, err := e.Timeline(c, incident, at(3, 15, 0))
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every clock of a critical P2, opened Mon 2 Mar 10:00, raised to P1 at 11:00 (now Tue 3 Mar 15:00):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tSTART\tTARGET\tDUE\tEND\tSTATE\tELAPSED\tPAUSED\tBREACHED BY\tDECIDED BY")
	const layout = "Mon 15:04"
	for _, m := range tl.Metrics {
		for _, cy := range m.Cycles {
			end, late := "-", "-"
			if cy.Ended() {
				end = cy.End.Format(layout)
			}
			if cy.Breached {
				late = cy.Overdue.String()
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Metric, cy.Start.Format(layout), cy.Target,
				cy.Due.Format(layout), end, cy.State, cy.Elapsed, cy.Paused, late, cy.Rule)
		}
	}
	return tw.Flush()
}

// Command lynx-support follows a vendor's published update frequencies in
// tiercel: a catalog (tiers.yaml) of LYNX Medical Systems' support terms,
// whose page publishes how often a case is updated per severity, and a
// Critical case opened by telephone before the US Independence Day
// weekend. It prints, for each clock of the case, when each follow-up was
// due and when it came.
//
//	go run ./examples/lynx-support
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

//go:embed tiers.yaml
var catalog []byte

func main() {
	if err := mainErr(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func mainErr(w io.Writer) error {
	e, err := rules.Compile("tiers.yaml", catalog)
	if err != nil {
		return err
	}
	return run(w, e)
}

// incident is the case, written in the support desk's zone: Critical, by
// telephone, on Thursday 2 July 2026 (Friday 3 July is the observed
// Independence Day holiday), its events and the instant of the report.
func incident() (rules.Case, []rules.Event, time.Time, error) {
	pacific, err := slo.LoadZone("America/Los_Angeles")
	if err != nil {
		return rules.Case{}, nil, time.Time{}, err
	}
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 7, day, hour, minute, 0, 0, pacific) }
	c := rules.Case{Tier: "support", Priority: slo.P1, Opened: at(2, 13, 0), Attrs: map[string]any{"channel": "telephone"}}
	events := []rules.Event{
		{At: at(2, 13, 40), Type: rules.EventMessage, By: rules.ByAgent},
		{At: at(2, 15, 30), Type: rules.EventMessage, By: rules.ByAgent},
		{At: at(6, 11, 0), Type: rules.EventMessage, By: rules.ByAgent, Status: "waiting on customer"},
		{At: at(7, 8, 0), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
		{At: at(7, 12, 30), Type: rules.EventMessage, By: rules.ByAgent},
		{At: at(8, 9, 0), Type: rules.EventStatus, Status: "solved"},
	}
	return c, events, at(8, 10, 0), nil
}

// names are the metrics as the vendor's page names them.
var names = map[string]string{"response": "initial response", "update": "follow-up", "resolution": "resolution"}

func run(w io.Writer, e *rules.Engine) error {
	kase, events, now, err := incident()
	if err != nil {
		return err
	}
	tl, err := e.Timeline(kase, events, now)
	if err != nil {
		return err
	}
	const layout = "Mon 2 Jan 15:04"
	fmt.Fprintf(w, "LYNX Medical Systems: a Critical case opened by telephone %s PT, as of %s\n\n", kase.Opened.Format(layout), now.Format(layout))
	for _, m := range tl.Metrics {
		for i, cy := range m.Cycles {
			verdict := "on time"
			switch {
			case cy.Breached:
				verdict = "late by " + cy.Overdue.String()
			case cy.State != rules.CycleAchieved:
				verdict = cy.State.String()
			}
			fmt.Fprintf(w, "%s %d: from %s, %s, due %s", names[m.Metric], i+1, cy.Start.Format(layout), cy.Target, cy.Due.Format(layout))
			if !cy.Ended() {
				fmt.Fprintf(w, ", not given: %s", verdict)
			} else {
				fmt.Fprintf(w, ", given %s: %s", cy.End.Format(layout), verdict)
			}
			if cy.Paused > 0 {
				fmt.Fprintf(w, " (waited on the customer %s)", cy.Paused)
			}
			fmt.Fprintf(w, " [%s]\n", cy.Rule)
		}
	}
	return nil
}

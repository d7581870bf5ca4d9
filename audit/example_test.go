package audit_test

import (
	"fmt"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// Audit a Zendesk export (its ticket audits and ticket metric events) on a
// catalog: which breaches Zendesk recorded that the catalog says were met,
// and the reverse.
func ExampleRun() {
	e, err := rules.Load("../examples/zendesk/catalog.yaml")
	if err != nil {
		panic(err)
	}
	x, err := input.LoadZendeskExport("../examples/zendesk/audits.json", "../examples/zendesk/metric_events.json")
	if err != nil {
		panic(err)
	}
	rep, err := audit.Run(e, x.Tickets, x.Recorded, audit.Options{
		Tier:    "zendesk",
		Latest:  x.Latest, // now: the latest instant recorded, never the wall clock
		Aliases: input.ZendeskAliases(e.Metrics()),
	})
	if err != nil {
		panic(err)
	}
	for _, r := range rep.Rows {
		if r.Verdict != audit.Agree {
			fmt.Println(r.Ticket, r.Metric, r.Verdict)
		}
	}
	fmt.Println("Zendesk's breaches the catalog says were met:", rep.Summary.RecordedBreaches)
	fmt.Println("the catalog's breaches Zendesk did not record:", rep.Summary.CatalogBreaches)
	// Output:
	// 102 response recorded-breach
	// 103 response catalog-breach
	// 104  no-history
	// Zendesk's breaches the catalog says were met: [{102 response 1}]
	// the catalog's breaches Zendesk did not record: [{103 response 1}]
}

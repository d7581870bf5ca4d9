package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Timeline() {
	// A tier that promises three clocks, on a 24x7 calendar to keep the
	// arithmetic easy to follow.
	e, err := rules.Compile("gold.yaml", []byte(`
tiers:
  gold:
    name: Gold
    response: {P2: 2h 24x7}
    nextReply: {P2: 2h 24x7}
    resolution: {P2: 8h 24x7}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	berlin, err := slo.LoadZone("Europe/Berlin")
	if err != nil {
		fmt.Println(err)
		return
	}
	// The agent answers after 1h30 and sets the case pending (the resolution
	// clock pauses), the customer sends logs at 14:00 (the case is open
	// again), the agent replies and solves it at 17:00, one hour late.
	opened := time.Date(2026, 3, 6, 9, 0, 0, 0, berlin)
	at := func(hour, min int) time.Time { return time.Date(2026, 3, 6, hour, min, 0, 0, berlin) }
	tl, err := e.Timeline(
		rules.Case{Tier: "gold", Priority: slo.P2, Opened: opened, Zone: "Europe/Berlin"},
		[]rules.Event{
			{At: at(10, 30), Type: rules.EventMessage, By: rules.ByAgent, Status: "pending"},
			{At: at(14, 0), Type: rules.EventMessage, By: rules.ByCustomer, Status: "open"},
			{At: at(17, 0), Type: rules.EventMessage, By: rules.ByAgent, Status: "solved"},
		}, at(18, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("at", tl.Now.Format("15:04"), "the case is", tl.Status)
	for _, m := range tl.Metrics {
		for _, c := range m.Cycles {
			fmt.Printf("%-10s %-6s %s-%s due %s elapsed %-7s paused %-7s breached %t\n", m.Metric, c.Target,
				c.Start.Format("15:04"), c.End.Format("15:04"), c.Due.Format("15:04"), c.Elapsed, c.Paused, c.Breached)
		}
	}
	// Output:
	// at 18:00 the case is solved
	// response   2h 24x7 09:00-10:30 due 11:00 elapsed 1h30m0s paused 0s      breached false
	// nextReply  2h 24x7 14:00-17:00 due 16:00 elapsed 3h0m0s  paused 0s      breached true
	// resolution 8h 24x7 09:00-17:00 due 20:30 elapsed 4h30m0s paused 3h30m0s breached false
}

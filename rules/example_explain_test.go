package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Explain() {
	// A P3 on Standard Support opened on a Friday afternoon in New York:
	// 8h of business hours, across the weekend and the March DST change.
	ny, _ := time.LoadLocation("America/New_York")
	x, err := rules.Default().Explain(rules.Case{Tier: "standard", Priority: slo.P3,
		Opened: time.Date(2026, 3, 6, 15, 0, 0, 0, ny), Zone: "America/New_York"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("row", x.Row, "decided by", x.Deadline.Rule)
	for _, c := range x.Walk.Clauses() {
		fmt.Println(c)
	}
	// Output:
	// row tiers.standard.response.P3 decided by tiers.standard.response.P3
	// Fri 15:00–17:00 EST 2h (of 8h)
	// Fri 17:00–24:00 closed (outside hours)
	// Sat–Sun closed (weekend)
	// DST change Sun 02:00 (EST → EDT)
	// Mon 00:00–09:00 closed (outside hours)
	// Mon 09:00–15:00 EDT 6h (8h of 8h)
	// → due Mon 15:00
}

func ExampleEngine_ExplainStatus() {
	// The same case read on Monday at noon: 5h of its 8h have run.
	ny, _ := time.LoadLocation("America/New_York")
	x, err := rules.Default().ExplainStatus(rules.Case{Tier: "standard", Priority: slo.P3,
		Opened: time.Date(2026, 3, 6, 15, 0, 0, 0, ny), Zone: "America/New_York"},
		time.Date(2026, 3, 9, 12, 0, 0, 0, ny))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("elapsed", x.Status.Elapsed, "remaining", x.Status.Remaining)
	fmt.Println(x.Walk)
	// Output:
	// elapsed 5h0m0s remaining 3h0m0s
	// Fri 15:00–17:00 EST 2h (of 8h); Fri 17:00–24:00 closed (outside hours); Sat–Sun closed (weekend); DST change Sun 02:00 (EST → EDT); Mon 00:00–09:00 closed (outside hours); Mon 09:00–15:00 EDT 6h (8h of 8h); → due Mon 15:00
}

func ExampleEngine_ExplainTimeline() {
	// A P3 raised to P1 an hour after it opened: the response clock is
	// retargeted from its start, 4h of business hours.
	ny, _ := time.LoadLocation("America/New_York")
	opened := time.Date(2026, 3, 6, 15, 0, 0, 0, ny)
	x, err := rules.Default().ExplainTimeline(rules.Case{Tier: "standard", Priority: slo.P3, Opened: opened, Zone: "America/New_York"},
		[]rules.Event{{At: opened.Add(time.Hour), Type: rules.EventPriority, Priority: slo.P1}}, opened.Add(2*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cx := range x.Cycles {
		fmt.Println(cx.Metric, cx.Number, cx.Row, "due", cx.Cycle.Due.Format("Mon 15:04"))
		for _, r := range cx.Retargets {
			fmt.Println("  ", r.What, r.From, "→", r.To, "at", r.At.Format("Mon 15:04"), "restart:", r.Restart)
		}
		fmt.Println("  ", cx.Walk)
	}
	// Output:
	// response 1 tiers.standard.response.P1 due Mon 11:00
	//    priority P3 → P1 at Fri 16:00 restart: false
	//    Fri 15:00–17:00 EST 2h (of 4h); Fri 17:00–24:00 closed (outside hours); Sat–Sun closed (weekend); DST change Sun 02:00 (EST → EDT); Mon 00:00–09:00 closed (outside hours); Mon 09:00–11:00 EDT 2h (4h of 4h); → due Mon 11:00
}

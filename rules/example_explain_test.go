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

package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Record what a few questions exercise of the default catalog, and list
// the response rows of premium they left out.
func ExampleNewCoverage() {
	cov := rules.NewCoverage(rules.Default())
	e := cov.Engine() // answers as rules.Default() does, and records
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, p := range []slo.Priority{slo.P1, slo.P2} {
		if _, err := e.Deadline(rules.Case{Tier: "premium", Priority: p, Opened: opened}); err != nil {
			fmt.Println(err)
		}
	}
	items := cov.Items()
	covered := 0
	for _, it := range items {
		switch {
		case it.Hits > 0:
			covered++
		case it.ID == "tiers.premium.response.P3", it.ID == "tiers.premium.response.P4":
			fmt.Printf("%s:%d:%d: %s never decided\n", it.File, it.Line, it.Column, it.ID)
		}
	}
	p := rules.CoveragePercent(covered, len(items))
	fmt.Printf("%d of %d items, %d.%02d%%\n", covered, len(items), p/100, p%100)
	// Output:
	// default.yaml:101:11: tiers.premium.response.P3 never decided
	// default.yaml:102:11: tiers.premium.response.P4 never decided
	// 2 of 44 items, 4.54%
}

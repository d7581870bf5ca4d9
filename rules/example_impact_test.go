package rules_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// A catalog release moves the office's opening from 09:00 to 10:00 and
// halves the P2 response target; Impact tells what that does to three
// recorded cases.
func ExampleImpact() {
	const before = `calendars:
  office: {zone: Europe/Berlin, hours: {mon-fri: "09:00-17:00"}}
tiers:
  std:
    name: Standard
    response: {P2: 4h office, P3: 8h office}
`
	after := strings.NewReplacer(`"09:00-17:00"`, `"10:00-17:00"`, "P2: 4h", "P2: 2h").Replace(before)
	older, err := rules.Compile("before.yaml", []byte(before))
	if err != nil {
		fmt.Println(err)
		return
	}
	newer, err := rules.Compile("after.yaml", []byte(after))
	if err != nil {
		fmt.Println(err)
		return
	}
	berlin := time.FixedZone("CET", 3600) // Berlin in March, before the clocks go forward
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, berlin) }
	answered := func(t time.Time) []rules.Event {
		return []rules.Event{{At: t, Type: rules.EventMessage, By: rules.ByAgent}}
	}
	histories := []rules.History{
		{Case: rules.Case{Tier: "std", Priority: slo.P2, Opened: at(2, 9, 0), Account: "acme"}, Events: answered(at(2, 12, 30))},
		{Case: rules.Case{Tier: "std", Priority: slo.P3, Opened: at(3, 14, 0), Account: "acme"}, Events: answered(at(4, 14, 0))},
		{Case: rules.Case{Tier: "gold", Priority: slo.P1, Opened: at(4, 9, 0)}},
	}
	r, err := rules.Impact(older, newer, histories, at(6, 17, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := r.Total
	fmt.Printf("%d histories replayed, %d refused: %v\n", r.Histories, r.Failed, r.Errors[0])
	fmt.Printf("%d cycles: %d newly breached, %d later, %d earlier\n", t.Cycles, t.NewlyBreached, t.Later.Count, t.Earlier.Count)
	fmt.Printf("largest: history %d, %s %s, %s -> %s (%s)\n", t.Later.Largest.History, t.Later.Largest.Metric, t.Later.Largest.Priority,
		t.Later.Largest.Old.Format("Mon 15:04"), t.Later.Largest.New.Format("Mon 15:04"), slo.FormatSigned(t.Later.Largest.By))
	for _, g := range r.Priorities {
		fmt.Printf("%s: median %s later, %s earlier\n", g.Key, slo.FormatDuration(g.Later.Median), slo.FormatDuration(g.Earlier.Median))
	}
	// Output:
	// 2 histories replayed, 1 refused: history 2: old catalog: unknown tier "gold" (known: std)
	// 2 cycles: 1 newly breached, 1 later, 1 earlier
	// largest: history 1, response P3, Wed 14:00 -> Wed 15:00 (+1h)
	// P2: median 0s later, 1h earlier
	// P3: median 1h later, 0s earlier
}

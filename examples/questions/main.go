// Command questions asks the embedded catalog the four questions tiercel
// answers, with the code the README shows:
//
//	go run ./examples/questions
//
// 1. Deadline: when is the response to a Standard P1 opened on Friday
// afternoon in New York due? 2. Change: what changes from Looker Premier to
// Standard? 3. Eligibility: may a Looker Premier contract migrate, and to
// what? 4. Price: what does Enhanced cost at 85,000 USD of spend? 5. The
// effective change: how do the deadlines a New York account sees move from
// Looker Premier to Enhanced, and which target makes none later? 6.
// Timeline: a Standard P3 raised to P1 after 2h and answered after 5h; was
// the response late?
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func main() {
	for _, ask := range []func() error{deadline, change, eligibility, price, effective, effectiveRule, timeline} {
		if err := ask(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println()
	}
}

func deadline() error {
	e := rules.Default()
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		return err
	}
	d, err := e.Deadline(rules.Case{
		Tier:     "standard",
		Priority: slo.P1,
		Opened:   time.Date(2026, 3, 6, 15, 0, 0, 0, ny), // a Friday, 15:00
		Zone:     "America/New_York",                     // business hours run in the account's zone
	})
	if err != nil {
		return err
	}
	fmt.Println(d.Due, "|", d.Target, "|", d.Rule)
	// 2026-03-09 11:00:00 -0400 EDT | 4h business | tiers.standard.response.P1
	return nil
}

func change() error {
	e := rules.Default()
	changes, err := e.Compare("looker-premier", "standard")
	if err != nil {
		return err
	}
	for _, c := range changes {
		fmt.Println(c) // P1: 1h looker-24x5 -> 4h business (degraded), then P2..P4
	}
	return nil
}

func eligibility() error {
	e := rules.Default()
	contract := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
	}
	el, err := e.Eligibility(contract, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	fmt.Println(el.Eligible, el.Migration, el.EffectiveAt.Format(time.DateOnly), el.Targets, el.Recommended)
	// true looker-to-customer-care 2026-09-01 [standard enhanced premium] enhanced
	return nil
}

func price() error {
	e := rules.Default()
	spend, err := money.ParseMoney("85000 USD")
	if err != nil {
		return err
	}
	q, err := e.Quote("enhanced", spend)
	if err != nil {
		return err
	}
	fmt.Println(q.Total) // 6150.00 USD
	for _, l := range q.Lines {
		fmt.Println(l.Rate, l.Spend, l.Amount) // 10% 10000.00 USD 1000.00 USD, ...
	}
	return nil
}

func effective() error {
	e := rules.Default()
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		return err
	}
	from := time.Date(2026, 3, 2, 0, 0, 0, 0, ny)
	changes, err := e.CompareIn("looker-premier", "enhanced", rules.Scope{
		Zone: "America/New_York", // with Country for calendars with holidays: [account]
		From: from,
		To:   from.AddDate(0, 0, 14), // openings in [From, To)
	})
	if err != nil {
		return err // rules.ErrZoneRequired, rules.ErrCountryRequired, rules.ErrInvalidScope, ...
	}
	for _, ch := range changes {
		fmt.Println(ch.Priority, ch.Kind, ch.Effect) // Kind stays nominal
	}
	// P1 unchanged improved (-48h, 0)
	// P2 unchanged improved (-48h, 0)
	// P3 unchanged degraded (0, +64h)
	// P4 unchanged degraded (0, +64h)
	return nil
}

func effectiveRule() error {
	e := rules.Default()
	contract := entitlement.Contract{
		Tier:    "looker-premier",
		Renewal: new(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
		Zone:    "America/New_York",
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	el, err := e.EligibilityWith(contract, at, rules.PlanOptions{RequireEffective: true})
	if err != nil {
		return err
	}
	fmt.Println(el.RecommendationRule, el.Recommended == "") // effective true: every target makes some deadline later
	return nil
}

func timeline() error {
	e := rules.Default()
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		return err
	}
	opened := time.Date(2026, 3, 2, 9, 0, 0, 0, ny) // a Monday, 09:00
	tl, err := e.Timeline(rules.Case{Tier: "standard", Priority: slo.P3, Opened: opened, Zone: "America/New_York"}, []rules.Event{
		{At: opened.Add(2 * time.Hour), Type: rules.EventPriority, Priority: slo.P1}, // raised after 2h
		{At: opened.Add(5 * time.Hour), Type: rules.EventMessage, By: rules.ByAgent},
	}, opened.Add(6*time.Hour))
	if err != nil {
		return err
	}
	for _, m := range tl.Metrics {
		for _, c := range m.Cycles {
			fmt.Println(m.Metric, c.Target, c.Due.Format(time.Kitchen), c.State, c.Breached, c.Overdue, c.Rule)
			// response 4h business 1:00PM achieved true 1h0m0s tiers.standard.response.P1
		}
	}
	return nil
}

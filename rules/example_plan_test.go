package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Plan() {
	ny, err := slo.LoadZone("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	// A Looker Premier contract of a New York account, renewing on 1 March
	// 2027: every tier it may move to, with its fee and what its deadlines
	// do over the account's first year (the contract has a zone).
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2027, 3, 1, 0, 0, 0, 0, ny)),
		Spend:   money.MustParseMoney("85000 USD"),
		Zone:    "America/New_York",
	}
	p, err := rules.Default().Plan(c, time.Date(2026, 11, 2, 0, 0, 0, 0, ny))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("eligible:", p.Eligibility.Eligible, "from", p.Eligibility.EffectiveAt.Format(time.DateOnly))
	for _, o := range p.Options {
		fmt.Printf("%-9s %-13s keeps targets: %-5t keeps deadlines: %-5t recommended: %t\n",
			o.Tier, o.Quote.Total, o.KeepsTargets, o.KeepsDeadlines, o.Recommended)
	}
	// What the recommended tier does to each priority's deadlines.
	for _, o := range p.Options {
		if !o.Recommended {
			continue
		}
		for _, ch := range o.Changes {
			fmt.Printf("%s %s -> %s: as written %s, for the account %s (at most %s later)\n",
				ch.Priority, ch.From, ch.To, ch.Kind, ch.Effect.Kind, slo.FormatDuration(ch.Effect.Max))
		}
	}
	// Output:
	// eligible: true from 2027-03-01
	// standard  2550.00 USD   keeps targets: false keeps deadlines: false recommended: false
	// enhanced  6150.00 USD   keeps targets: true  keeps deadlines: false recommended: true
	// premium   15000.00 USD  keeps targets: true  keeps deadlines: false recommended: false
	// P1 1h looker-24x5 -> 1h 24x7: as written unchanged, for the account improved (at most 0s later)
	// P2 4h looker-24x5 -> 4h 24x7: as written unchanged, for the account improved (at most 0s later)
	// P3 8h looker-24x5 -> 8h business: as written unchanged, for the account mixed (at most 65h later)
	// P4 8h looker-24x5 -> 8h business: as written unchanged, for the account mixed (at most 65h later)
}

func ExampleEngine_PlanWith() {
	// A Looker Premier contract of a Tokyo account under the effective rule:
	// a target is recommended only if no deadline of the account's first
	// year after the move is later. Each option says why it does not qualify.
	renewal, err := time.Parse(time.RFC3339, "2027-04-01T00:00:00+09:00")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := entitlement.Contract{Account: "kaisha", Tier: "looker-premier", Renewal: new(renewal),
		Spend: money.MustParseMoney("40000 USD"), Zone: "Asia/Tokyo"}
	opts := rules.PlanOptions{RequireEffective: true}
	p, err := rules.Default().PlanWith(c, renewal.AddDate(0, -3, 0), opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s rule: recommended %q\n", p.Eligibility.RecommendationRule, p.Eligibility.Recommended)
	for _, o := range p.Options {
		var later []string
		for _, ch := range o.Changes {
			if ch.Effect != nil && ch.Effect.Later > 0 {
				later = append(later, ch.Priority.String())
			}
		}
		fmt.Printf("%-8s keeps targets: %-5t later deadlines for %v\n", o.Tier, o.KeepsTargets, later)
	}
	// Output:
	// effective rule: recommended ""
	// standard keeps targets: false later deadlines for [P1 P2 P3 P4]
	// enhanced keeps targets: true  later deadlines for [P3 P4]
	// premium  keeps targets: true  later deadlines for [P3 P4]
}

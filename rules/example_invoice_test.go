package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

func ExampleEngine_Invoice() {
	// A Looker Premier contract at its own fee of 5000 USD a month renews on
	// 15 July 2026 into Enhanced: July is billed in part on each tier.
	c := entitlement.Contract{
		Account: "acme-analytics",
		Tier:    "looker-premier",
		Start:   time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)),
		Billing: billing.Billing{
			Fee:     money.MustParseMoney("5000 USD"),
			MovesTo: "enhanced",
		},
	}
	months, err := billing.ParseMonths("2026-06..2026-08")
	if err != nil {
		fmt.Println(err)
		return
	}
	// Two accounts under one payer: their spends are summed month by month.
	var spends []billing.Spend
	for m, amount := range []string{"60000 USD", "62000 USD", "58000 USD"} {
		spends = append(spends,
			billing.Spend{Year: 2026, Month: time.June + time.Month(m), Account: "prod", Amount: money.MustParseMoney(amount)},
			billing.Spend{Year: 2026, Month: time.June + time.Month(m), Account: "dev", Amount: money.MustParseMoney("5000 USD")})
	}
	inv, err := rules.Default().Invoice(c, months, spends)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range inv.Lines {
		fmt.Printf("%-23s %-14s %-12s %11s on spend %s\n", l.Period, l.Tier, l.Kind, l.Amount, l.Spend)
	}
	fmt.Println("total", inv.Total)
	// Output:
	// 2026-06                 looker-premier fee          5000.00 USD on spend 65000.00 USD
	// 2026-07-01/2026-07-14   looker-premier prorated-fee 2258.06 USD on spend 67000.00 USD
	// 2026-07-15/2026-07-31   enhanced       prorated-fee 2736.45 USD on spend 67000.00 USD
	// 2026-08                 enhanced       fee          4710.00 USD on spend 63000.00 USD
	// total 14704.51 USD
}

package rules_test

import (
	"fmt"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

func ExampleEngine_QuotePeriod() {
	e := rules.Default()
	spend := money.MustParseMoney("85000 USD")
	// Enhanced from 15 February 2026 to the month's end: the fee is
	// prorated by the tier's proration rule.
	for _, p := range []billing.Period{
		{Year: 2026, Month: 2},
		{Year: 2026, Month: 2, First: 15},
	} {
		q, err := e.QuotePeriod("enhanced", spend, p)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p, q.Total)
	}
	// Output:
	// 2026-02 6150.00 USD
	// 2026-02-15/2026-02-28 3075.00 USD
}

package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
)

func ExampleEngine_PriceAt() {
	// A tier whose price rose on 1 July 2026. Under the default policy
	// (billing.priceVersion: contract) a contract pays the version in force
	// at its start until its renewal, then the one in force at the renewal.
	e, err := rules.Compile("plus.yaml", []byte(`
tiers:
  plus:
    name: Plus
    response: {P1: 1h 24x7}
    prices:
      - {effective: "2025-01-01", currency: USD, minimum: "100", bands: [{rate: 7%}]}
      - {effective: "2026-07-01", currency: USD, minimum: "120", bands: [{rate: 6%}]}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "plus",
		Start:   time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)),
	}
	fmt.Println("policy:", e.PriceVersion())
	for _, at := range []time.Time{
		time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC),
	} {
		p, err := e.PriceAt("plus", c, at)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(at.Format(time.DateOnly), "minimum", p.Minimum, "rate", p.Bands[0].Rate)
	}
	// Output:
	// policy: contract
	// 2026-08-01 minimum 100.00 USD rate 7%
	// 2027-03-01 minimum 120.00 USD rate 6%
}

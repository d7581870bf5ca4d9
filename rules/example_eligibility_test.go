package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

func ExampleEngine_EligibilityWith() {
	// The Looker Premier contract of ExampleEngine_Eligibility, for an
	// account in New York. The nominal rule recommends Enhanced; the
	// effective rule also asks that no deadline the account sees in the
	// first year gets later, and no target passes it.
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
		Zone:    "America/New_York",
	}
	at := time.Date(2023, 9, 15, 0, 0, 0, 0, time.UTC)
	for _, opts := range []rules.PlanOptions{{}, {RequireEffective: true}} {
		el, err := rules.Default().EligibilityWith(c, at, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s rule: recommended %q\n", el.RecommendationRule, el.Recommended)
	}
	// Output:
	// nominal rule: recommended "enhanced"
	// effective rule: recommended ""
}

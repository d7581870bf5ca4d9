package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Quote() {
	e := rules.Default()
	// "advanced" is an alias of enhanced.
	q, err := e.Quote("advanced", money.MustParseMoney("85000 USD"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range q.Lines {
		fmt.Printf("%-13s at %-3s = %s\n", l.Spend, l.Rate, l.Amount)
	}
	fmt.Println(q.Tier, "costs", q.Total, "a month; minimum applied:", q.MinimumApplied)

	_, err = e.Quote("looker-premier", money.MustParseMoney("85000 USD"))
	fmt.Println(err)
	// Output:
	// 10000.00 USD  at 10% = 1000.00 USD
	// 70000.00 USD  at 7%  = 4900.00 USD
	// 5000.00 USD   at 5%  = 250.00 USD
	// 0.00 USD      at 3%  = 0.00 USD
	// enhanced costs 6150.00 USD a month; minimum applied: false
	// no price: tier "looker-premier" has none in the catalog
}

func ExampleEngine_Eligibility() {
	c := entitlement.Contract{
		Account: "acme",
		Tier:    "looker-premier",
		Renewal: new(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)),
		Spend:   money.MustParseMoney("85000 USD"),
	}
	el, err := rules.Default().Eligibility(c, time.Date(2023, 9, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("eligible:", el.Eligible, "required:", el.Required)
	fmt.Println("effective:", el.EffectiveAt.Format(time.DateOnly), "targets:", el.Targets)
	fmt.Println("recommended:", el.Recommended)
	for _, r := range el.Reasons {
		fmt.Println("-", r)
	}
	// Output:
	// eligible: true required: false
	// effective: 2024-03-01 targets: [standard enhanced premium]
	// recommended: enhanced
	// - migration looker-to-customer-care applies to looker-premier (Looker Premier Support)
	// - looker-premier stays available until 2024-03-01, when the move to one of standard, enhanced, premium takes effect
	// - the price is held until 2024-03-01: no increase before then
	// - effective changes need the account's zone: give the contract a zone to see how the deadlines the account would see move
	// - standard degrades P1 from 1h looker-24x5 to 4h business; it costs 2550.00 USD a month at 85000.00 USD of spend
	// - enhanced keeps every response target; it costs 6150.00 USD a month at 85000.00 USD of spend
	// - premium keeps every response target and improves P1, P2 and P3; it costs 15000.00 USD a month (the minimum fee) at 85000.00 USD of spend
	// - enhanced is recommended: the cheapest target that keeps every response target
	// - the recommendation follows the nominal rule: the response targets as written, not the deadlines the account would see
}

func ExampleEngine_Allowed() {
	e := rules.Default()
	ana := entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	vic := entitlement.Principal{ID: "user:vic@example.com", Roles: []string{"roles/cloudsupport.viewer"}}
	// A case Bob opened: editors may still comment on it.
	c := rules.Case{
		Tier: "enhanced", Priority: slo.P2,
		Opened: time.Date(2024, 5, 6, 10, 0, 0, 0, time.UTC),
		Attrs:  map[string]any{"author": "user:bob@example.com"},
	}
	for _, p := range []entitlement.Principal{ana, vic} {
		for _, action := range []string{"cases.view", "cases.comment"} {
			d, err := e.Allowed(action, p, c)
			if err != nil {
				fmt.Println(err)
				return
			}
			fmt.Println(p.ID, d.Action, d.Allowed, "by", d.Rule)
		}
	}
	_, err := e.Allowed("cases.delete", ana, c)
	fmt.Println(err)
	// Output:
	// user:ana@example.com cases.view true by permissions.cases.view
	// user:ana@example.com cases.comment true by permissions.cases.comment
	// user:vic@example.com cases.view true by permissions.cases.view
	// user:vic@example.com cases.comment false by permissions.cases.comment
	// unknown action "cases.delete" (known: cases.attach, cases.comment, cases.create, cases.escalate, cases.update, cases.view, chat.use)
}

package rules

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// BenchmarkInvoiceYear invoices one contract for the twelve months of
// 2026 on the default catalog: an Enhanced contract with one account, and
// a Looker Premier contract with two accounts that renews into Enhanced in
// July, with a discount and a commitment. Goal: under 10 µs.
func BenchmarkInvoiceYear(b *testing.B) {
	e := Default()
	terms := lookerYear()
	terms.Billing.Discounts = []billing.Discount{{Name: "partner", Rate: money.MustParseRate("10%"), From: date("2026-10-01")}}
	terms.Billing.Commitments = []billing.Commitment{{Amount: money.MustParseMoney("80000 USD"), From: date("2026-01-01"), Until: date("2027-01-01")}}
	cases := []struct {
		name     string
		contract entitlement.Contract
		spends   []billing.Spend
	}{
		{"enhanced", entitlement.Contract{Account: "acme", Tier: "enhanced", Start: date("2025-07-01"), Renewal: new(date("2026-07-01"))},
			monthly(year2026, "prod", "85000 USD")},
		{"looker-renewing", terms, append(monthly(year2026, "prod", "40000 USD"), monthly(year2026, "dev", "45000 USD")...)},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Invoice(bc.contract, year2026, bc.spends); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// billingRun returns n contracts of a billing run on the default catalog
// and their spends for 2026: Standard, Enhanced and Premium contracts with
// one to three accounts and spends from 0 to 2,000,000 USD a month, and
// one in ten a Looker Premier contract renewing during the year.
func billingRun(n int) ([]entitlement.Contract, [][]billing.Spend) {
	rng := rand.New(rand.NewPCG(3, 4))
	tiers := []string{"standard", "enhanced", "premium"}
	contracts := make([]entitlement.Contract, n)
	spends := make([][]billing.Spend, n)
	for i := range contracts {
		start := date("2025-01-01").Add(time.Duration(rng.IntN(365)) * 24 * time.Hour)
		c := entitlement.Contract{Account: "acct", Tier: tiers[rng.IntN(3)], Start: start, Renewal: new(start.AddDate(1, 0, 0))}
		if i%10 == 0 {
			c.Tier = "looker-premier"
			c.Billing = billing.Billing{Fee: money.MustParseMoney("5000 USD"), MovesTo: tiers[rng.IntN(3)]}
		}
		contracts[i] = c
		for range 1 + rng.IntN(3) {
			for m := range 12 {
				amount, _ := money.NewMoney(rng.Int64N(200_000_000), "USD")
				spends[i] = append(spends[i], billing.Spend{Year: 2026, Month: time.Month(m + 1), Account: "a", Amount: amount})
			}
		}
	}
	return contracts, spends
}

// BenchmarkBillingRun invoices 1,000,000 contracts × 12 months (1,000
// distinct contracts, each invoiced 1,000 times) on one goroutine. Goal:
// under 10 s an operation. Run it once: -bench BillingRun -benchtime 1x.
func BenchmarkBillingRun(b *testing.B) {
	e := Default()
	contracts, spends := billingRun(1000)
	b.ReportAllocs()
	for b.Loop() {
		for i := range 1_000_000 {
			k := i % len(contracts)
			if _, err := e.Invoice(contracts[k], year2026, spends[k]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

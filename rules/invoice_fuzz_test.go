package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// fuzzContract builds a Looker Premier contract on the default catalog
// from fuzzed numbers: its own fee, a renewal (and move) anywhere in 2026
// or just outside it, a target, a percentage and a fixed discount, and a
// commitment over the year.
func fuzzContract(fee uint32, renewalDay uint16, target uint8, rateBP uint16, fixed, commit uint32) entitlement.Contract {
	usd := func(cents uint32) money.Money { m, _ := money.NewMoney(int64(cents), "USD"); return m }
	c := entitlement.Contract{Account: "fuzz", Tier: "looker-premier", Start: date("2025-01-01"),
		Renewal: new(date("2025-12-01").Add(time.Duration(renewalDay%430) * 24 * time.Hour)),
		Billing: billing.Billing{Fee: usd(fee), MovesTo: []string{"standard", "enhanced", "premium"}[target%3]}}
	if rateBP%10001 != 0 {
		r, _ := money.NewRate(int64(rateBP%10001) * 10_000) // basis points in micro-percent
		c.Billing.Discounts = append(c.Billing.Discounts, billing.Discount{Rate: r, From: date("2026-04-01")})
	}
	if fixed != 0 {
		c.Billing.Discounts = append(c.Billing.Discounts, billing.Discount{Amount: usd(fixed), From: date("2026-01-01"), Until: date("2026-07-01")})
	}
	if commit != 0 {
		c.Billing.Commitments = []billing.Commitment{{Amount: usd(commit), From: date("2026-01-01"), Until: date("2027-01-01")}}
	}
	return c
}

// FuzzInvoice checks a year's invoice of any contract: it never fails on
// valid terms, its total is the sum of its lines and never negative, every
// fee is non-negative and a prorated fee is at most the tier's fee for the
// whole month, a month's fees never add up to more than the largest whole
// month's fee of its tiers (a minor unit more for the rounding of two
// parts: never two full fees), discounts are negative and true-ups positive.
func FuzzInvoice(f *testing.F) {
	f.Add(uint32(500000), uint16(226), uint8(1), uint16(1000), uint32(0), uint32(8000000), uint64(8500000), uint64(0))
	f.Add(uint32(0), uint16(0), uint8(0), uint16(0), uint32(1), uint32(0), uint64(0), uint64(0))
	f.Add(uint32(1), uint16(31), uint8(2), uint16(10000), uint32(99999), uint32(1), uint64(1<<40), uint64(1<<30))
	f.Add(uint32(4294967295), uint16(400), uint8(2), uint16(5000), uint32(4294967295), uint32(4294967295), uint64(1), uint64(12345))
	e := Default()
	f.Fuzz(func(t *testing.T, fee uint32, renewalDay uint16, target uint8, rateBP uint16, fixed, commit uint32, spendA, spendB uint64) {
		c := fuzzContract(fee, renewalDay, target, rateBP, fixed, commit)
		var spends []billing.Spend
		for i := range year2026.Count {
			cents := int64((spendA%(1<<40) + uint64(i)*(spendB%(1<<32))) % (1 << 50))
			m, _ := money.NewMoney(cents, "USD")
			spends = append(spends, billing.Spend{Year: 2026, Month: time.Month(i + 1), Account: "a", Amount: m})
		}
		inv, err := e.Invoice(c, year2026, spends)
		require.NoError(t, err)
		sum, _ := money.NewMoney(0, "USD")
		monthFees, most := map[time.Month]int64{}, map[time.Month]int64{}
		for _, l := range inv.Lines {
			sum, err = sum.Add(l.Amount)
			require.NoError(t, err)
			switch l.Kind {
			case billing.ChargeFee, billing.ChargeProratedFee:
				require.GreaterOrEqual(t, l.Amount.Minor(), int64(0), "fee line %+v", l)
				whole := wholeMonth(t, e, &c, l).Minor()
				if l.Kind == billing.ChargeProratedFee {
					assert.LessOrEqual(t, l.Amount.Minor(), whole, "prorated fee above the whole month: %+v", l)
				}
				monthFees[l.Period.Month] += l.Amount.Minor()
				most[l.Period.Month] = max(most[l.Period.Month], whole)
			case billing.ChargeDiscount:
				assert.Negative(t, l.Amount.Minor(), "discount line %+v", l)
			case billing.ChargeTrueUp:
				assert.Positive(t, l.Amount.Minor(), "true-up line %+v", l)
			}
		}
		assert.Equal(t, sum, inv.Total)
		assert.GreaterOrEqual(t, inv.Total.Minor(), int64(0))
		for m, fees := range monthFees {
			assert.LessOrEqual(t, fees, most[m]+1, "the fees of %s", m)
		}
	})
}

// wholeMonth returns what the tier of the fee line l charges for its whole
// month at the same spend.
func wholeMonth(t *testing.T, e *Engine, c *entitlement.Contract, l billing.InvoiceLine) money.Money {
	t.Helper()
	if l.Tier == "looker-premier" {
		return c.Billing.Fee
	}
	q, err := e.Quote(l.Tier, l.Spend)
	require.NoError(t, err)
	return q.Total
}

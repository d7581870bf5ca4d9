package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
)

// Price versions are compared place by place; a changed version in one
// currency carries the exact fee difference, and every version says who
// pays it.
func TestDiffPrices(t *testing.T) {
	old := compileText(t, "old.yaml", `
tiers:
  a:
    name: A
    response: {P1: 1h 24x7}
    prices:
      - {effective: "2025-01-01", currency: USD, minimum: "100", bands: [{upTo: "10000", rate: 10%}, {rate: 7%}]}
      - {effective: "2026-01-01", currency: USD, minimum: "120", bands: [{rate: 6%}]}
  b: {name: B, response: {P1: 1h 24x7}, price: {currency: USD, bands: [{rate: 3%}]}}
`)
	nw := compileText(t, "new.yaml", `
billing: {priceVersion: billed}
tiers:
  a:
    name: A
    response: {P1: 1h 24x7}
    prices:
      - {effective: "2025-01-01", currency: USD, minimum: "100", bands: [{upTo: "10000", rate: 10%}, {rate: 6%}]}
      - {effective: "2026-01-01", currency: USD, minimum: "125", bands: [{rate: 6%}]}
      - {effective: "2027-01-01", currency: USD, minimum: "130", bands: [{rate: 6%}]}
  b: {name: B, response: {P1: 1h 24x7}, price: {currency: EUR, bands: [{rate: 3%}]}}
`)
	r, err := Diff(old, nw, DiffOptions{})
	require.NoError(t, err)
	require.Len(t, r.Tiers, 2)
	ps := r.Tiers[0].Prices
	require.Len(t, ps, 3)
	assert.Equal(t, []FieldChange{{Path: "bands[1].rate", Old: "7%", New: "6%"}}, ps[0].Fields)
	require.NotNil(t, ps[0].Fees)
	assert.Negative(t, ps[0].Fees.Min.Sign(), "1% less above 10,000")
	assert.Equal(t, ps[0].Fees.Limit, ps[0].Fees.MinSpend, "saves most at the largest spend")
	assert.Equal(t, "0.00 USD", ps[0].Fees.Max.String(), "no spend pays more")
	assert.Equal(t, "0.00 USD", ps[0].Fees.MaxSpend.String(), "the first spend where it is largest")
	assert.Equal(t, "every contract, for the months billed from 2025-01-01 before 2026-01-01", ps[0].Paid)
	assert.Equal(t, []FieldChange{{Path: "minimum", Old: "120.00 USD", New: "125.00 USD"}}, ps[1].Fields)
	assert.Equal(t, "+5.00 USD", "+"+ps[1].Fees.Max.String(), "at most 5 more, below the spend where 6% passes 125")
	eur := r.Tiers[1].Prices[0]
	assert.Equal(t, "currency", eur.Fields[0].Path)
	assert.Nil(t, eur.Fees)
	assert.Contains(t, eur.FeesError, "currency mismatch")
	assert.Equal(t, PriceDiff{Version: 3, Effective: "2027-01-01", Status: StatusAdded, Paid: "every contract, for the months billed from 2027-01-01"}, ps[2])
	assert.Equal(t, []FieldChange{{Path: "priceVersion", Old: "contract", New: "billed"}}, r.Billing)
}

func TestPaidBy(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	book := billing.PriceBook{{Effective: day("2025-01-01")}, {Effective: day("2026-01-01")}}
	tests := []struct {
		name   string
		policy billing.VersionPolicy
		book   billing.PriceBook
		i      int
		want   string
	}{
		{"single price", billing.VersionAtContract, billing.PriceBook{{}}, 0, "every contract, always"},
		{"grandfathered", billing.VersionAtContract, book, 0, "contracts that start or renew from 2025-01-01 before 2026-01-01, until their next renewal (billing.priceVersion: contract)"},
		{"newest", billing.VersionAtContract, book, 1, "contracts that start or renew from 2026-01-01, until their next renewal (billing.priceVersion: contract)"},
		{"billed", billing.VersionAtBilled, book, 0, "every contract, for the months billed from 2025-01-01 before 2026-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, paidBy(tc.policy, tc.book, tc.i))
		})
	}
}

package answer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

func TestNewQuote(t *testing.T) {
	q, err := rules.Default().Quote("enhanced", money.MustParseMoney("85000 USD"))
	require.NoError(t, err)
	got := NewQuote(q, false)
	b := marshal(t, got)
	assert.Contains(t, string(b), `"total":{"amount":"6150.00","currency":"USD","minor":615000}`)
	assert.NotContains(t, string(b), `"period"`, "a whole month")
	require.NotEmpty(t, got.Lines)
	last := got.Lines[len(got.Lines)-1]
	assert.Nil(t, last.UpTo, "the last band is unbounded")
	require.NotNil(t, got.Lines[0].UpTo)
	assert.Equal(t, q.Lines[0].UpTo, *got.Lines[0].UpTo)
	assert.Nil(t, got.Maximum, "no cap")
	assert.Equal(t, "graduated", got.Model)
	assert.Equal(t, "days", got.Proration, "the price's policy, for a whole month too")
	for i, l := range got.Lines {
		assert.Equal(t, q.Lines[i].Flat, l.Flat)
	}
	assert.Contains(t, string(b), `"flat":{"amount":"0.00","currency":"USD","minor":0}`, "no flat amount: zero in the currency")

	t.Run("a volume price with flat amounts", func(t *testing.T) {
		p := billing.Price{Currency: "EUR", Model: billing.Volume, Proration: billing.BillFullMonth, Bands: []billing.Band{
			{UpTo: money.MustParseMoney("10000 EUR"), Rate: money.MustParseRate("10%"), Flat: money.MustParseMoney("50 EUR")},
			{Unbounded: true, Rate: money.MustParseRate("5%"), Flat: money.MustParseMoney("250 EUR")}}}
		q, err := p.Quote(money.MustParseMoney("20000 EUR"))
		require.NoError(t, err)
		got := NewQuote(q, false)
		b := marshal(t, got)
		assert.Equal(t, "volume", got.Model)
		assert.Equal(t, "full-month", got.Proration)
		assert.Contains(t, string(b), `"flat":{"amount":"250.00","currency":"EUR","minor":25000},"amount":{"amount":"1250.00","currency":"EUR","minor":125000}`)
	})

	t.Run("a period", func(t *testing.T) {
		p, err := billing.ParsePeriod("2026-02-15/2026-02-28")
		require.NoError(t, err)
		q, err := rules.Default().QuotePeriod("standard", money.MustParseMoney("500 USD"), p)
		require.NoError(t, err)
		got := NewQuote(q, true)
		marshal(t, got)
		assert.Equal(t, "2026-02-15/2026-02-28", got.Period)
		assert.Equal(t, 14, got.BilledDays)
		assert.Equal(t, 28, got.MonthDays)
	})
	t.Run("a cap", func(t *testing.T) {
		q := billing.Quote{Maximum: money.MustParseMoney("100 USD"), MaximumApplied: true}
		got := NewQuote(q, false)
		require.NotNil(t, got.Maximum)
		assert.Equal(t, q.Maximum, *got.Maximum)
		assert.True(t, got.MaximumApplied)
	})
}

func TestNewInvoice(t *testing.T) {
	c := entitlement.Contract{
		Account: "acme-analytics", Tier: "looker-premier",
		Start:   time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC),
		Renewal: new(time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)),
		Billing: billing.Billing{Fee: money.MustParseMoney("5000 USD"), MovesTo: "enhanced"},
	}
	months, err := billing.ParseMonths("2026-06..2026-08")
	require.NoError(t, err)
	var spends []billing.Spend
	for m := time.June; m <= time.August; m++ {
		spends = append(spends, billing.Spend{Year: 2026, Month: m, Amount: money.MustParseMoney("60000 USD")})
	}
	inv, err := rules.Default().Invoice(c, months, spends)
	require.NoError(t, err)
	got := NewInvoice(inv)
	marshal(t, got)
	assert.Equal(t, inv.Total, got.Total)
	require.Len(t, got.Lines, len(inv.Lines))
	for i, l := range got.Lines {
		assert.Equal(t, inv.Lines[i].Amount, l.Amount)
		require.NotNil(t, l.Spend, "a fee line has its spend")
		assert.Equal(t, inv.Lines[i].Spend, *l.Spend)
	}
	inv.Lines[0].Spend = money.Money{}
	assert.Equal(t, money.MustParseMoney("60000 USD"), *got.Lines[0].Spend, "the answer keeps no reference to the invoice")
	assert.Nil(t, NewInvoice(inv).Lines[0].Spend, "no spend: left out")
	assert.NotContains(t, string(marshal(t, got)), "warnings", "none: left out")
	inv.Warnings = []string{"2026-07: no spend"}
	assert.Contains(t, string(marshal(t, NewInvoice(inv))), `"warnings":["2026-07: no spend"]`)
}

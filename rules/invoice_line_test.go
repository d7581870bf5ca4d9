package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
)

// movingCatalog is a catalog of two tiers of 3,000 USD a month (at a
// spend of zero), a with proration from and b with proration to, and a
// migration from a to b that takes effect at contract.attrs.move.
func movingCatalog(t *testing.T, from, to string) *Engine {
	t.Helper()
	tier := func(id, proration string) string {
		return "  " + id + ":\n    name: " + id + "\n    response: {P1: 1h 24x7}\n" +
			"    price: {currency: USD, minimum: \"3000\", proration: " + proration + ", bands: [{rate: 1%}]}\n"
	}
	src := "tiers:\n" + tier("a", from) + tier("b", to) +
		"migrations:\n  a-to-b:\n    applies: tier.id == 'a' && 'move' in contract.attrs\n" +
		"    effective: timestamp(contract.attrs.move)\n    to: [b]\n"
	e, err := Compile("moving.yaml", []byte(src))
	require.NoError(t, err)
	return e
}

// april2026 is April 2026 alone: 30 days.
var april2026 = billing.Months{Year: 2026, Month: time.April, Count: 1}

// The month of the contract's start is billed from the start's day by the
// price's proration rule: by days for days and month-end, in full for
// full-month. Before the fix every month was billed in full whatever the
// start.
func TestInvoiceStartMonth(t *testing.T) {
	tests := []struct {
		name, proration string
		start           string
		want            []string
	}{
		{"days", "days", "2026-04-11T00:00:00Z", []string{"2026-04-11/2026-04-30 a prorated-fee 2000.00 USD"}}, // 3,000 × 20/30
		{"month-end", "month-end", "2026-04-11T00:00:00Z", []string{"2026-04-11/2026-04-30 a prorated-fee 2000.00 USD"}},
		{"full-month", "full-month", "2026-04-11T00:00:00Z", []string{"2026-04 a fee 3000.00 USD"}},
		{"days, late on the last day", "days", "2026-04-30T23:00:00Z", []string{"2026-04-30/2026-04-30 a prorated-fee 100.00 USD"}},
		{"days, on the first after midnight", "days", "2026-04-01T09:00:00Z", []string{"2026-04 a fee 3000.00 USD"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := movingCatalog(t, tc.proration, "days")
			start, err := time.Parse(time.RFC3339, tc.start)
			require.NoError(t, err)
			inv, err := e.Invoice(entitlement.Contract{Tier: "a", Start: start}, april2026, monthly(april2026, "prod", "0 USD"))
			require.NoError(t, err)
			assert.Equal(t, tc.want, lines(inv))
			assert.Empty(t, inv.Warnings)
		})
	}
}

// The month of a move bills the old tier for the days before the move and
// the new tier for the days from it, by days whatever either price's
// rule: one month's fee in all, never two. Before the fix, leaving a
// month-end tier for a full-month one billed two full fees (6,000 USD).
func TestInvoiceMoveMonth(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		start    string
		want     []string
	}{
		{"month-end to full-month", "month-end", "full-month", "2026-01-01", []string{
			"2026-04-01/2026-04-10 a prorated-fee 1000.00 USD", "2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"full-month to days", "full-month", "days", "2026-01-01", []string{
			"2026-04-01/2026-04-10 a prorated-fee 1000.00 USD", "2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"days to month-end", "days", "month-end", "2026-01-01", []string{
			"2026-04-01/2026-04-10 a prorated-fee 1000.00 USD", "2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"started in the month, by days", "days", "full-month", "2026-04-06", []string{
			"2026-04-06/2026-04-10 a prorated-fee 500.00 USD", "2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"started in the month, full-month from the first", "full-month", "full-month", "2026-04-06", []string{
			"2026-04-01/2026-04-10 a prorated-fee 1000.00 USD", "2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"started on the day of the move", "days", "days", "2026-04-11", []string{
			"2026-04-11/2026-04-30 b prorated-fee 2000.00 USD"}},
		{"started after the move", "days", "full-month", "2026-04-20", []string{
			"2026-04 b fee 3000.00 USD"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := movingCatalog(t, tc.from, tc.to)
			c := entitlement.Contract{Tier: "a", Start: date(tc.start), Attrs: map[string]any{"move": "2026-04-11T00:00:00Z"},
				Billing: billing.Billing{MovesTo: "b"}}
			inv, err := e.Invoice(c, april2026, monthly(april2026, "prod", "0 USD"))
			require.NoError(t, err)
			assert.Equal(t, tc.want, lines(inv))
		})
	}
}

// A line's kind says what its Period holds, as billing.ChargeFee and
// billing.ChargeProratedFee document: a fee line is a whole month, a
// prorated-fee line fewer days than its month, and its reason says why.
// Before the fix, leaving a full-month tier billed a "fee" line whose
// Period was the days before the move.
func TestInvoiceLineKinds(t *testing.T) {
	for _, rules := range [][2]string{{"full-month", "full-month"}, {"month-end", "days"}, {"days", "month-end"}} {
		t.Run(rules[0]+" to "+rules[1], func(t *testing.T) {
			e := movingCatalog(t, rules[0], rules[1])
			months := billing.Months{Year: 2026, Month: time.March, Count: 3}
			c := entitlement.Contract{Tier: "a", Start: date("2026-03-20"), Attrs: map[string]any{"move": "2026-04-11T00:00:00Z"},
				Billing: billing.Billing{MovesTo: "b"}}
			inv, err := e.Invoice(c, months, monthly(months, "prod", "1000 USD"))
			require.NoError(t, err)
			for _, l := range inv.Lines {
				whole := l.Period.ActiveDays() == l.Period.DaysInMonth()
				switch l.Kind {
				case billing.ChargeFee:
					assert.True(t, whole, "fee line %s", l.Period)
				case billing.ChargeProratedFee:
					assert.False(t, whole, "prorated line %s", l.Period)
					assert.Contains(t, l.Reason, " days billed (")
				}
			}
		})
	}
}

// The days of the start and of a move are those of the contract's zone:
// a start at midnight in Tokyo on 11 April (15:00 UTC on the 10th) bills
// 20 days, and a move at midnight in Tokyo on 1 May bills the whole of May
// on the new tier and none of April.
func TestInvoiceZoneDays(t *testing.T) {
	e := movingCatalog(t, "days", "days")
	tokyo := func(s string) time.Time {
		at, err := time.Parse(time.RFC3339, s+"+09:00")
		require.NoError(t, err)
		return at
	}
	months := billing.Months{Year: 2026, Month: time.April, Count: 2}
	tests := []struct {
		name string
		c    entitlement.Contract
		want []string
	}{
		{"a start", entitlement.Contract{Tier: "a", Zone: "Asia/Tokyo", Start: tokyo("2026-04-11T00:00:00")},
			[]string{"2026-04-11/2026-04-30 a prorated-fee 2000.00 USD", "2026-05 a fee 3000.00 USD"}},
		{"a start on the first", entitlement.Contract{Tier: "a", Zone: "Asia/Tokyo", Start: tokyo("2026-04-01T00:00:00")},
			[]string{"2026-04 a fee 3000.00 USD", "2026-05 a fee 3000.00 USD"}},
		{"a move", entitlement.Contract{Tier: "a", Zone: "Asia/Tokyo", Start: tokyo("2026-01-01T00:00:00"),
			Attrs: map[string]any{"move": "2026-05-01T00:00:00+09:00"}, Billing: billing.Billing{MovesTo: "b"}},
			[]string{"2026-04 a fee 3000.00 USD", "2026-05 b fee 3000.00 USD"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv, err := e.Invoice(tc.c, months, monthly(months, "prod", "0 USD"))
			require.NoError(t, err)
			assert.Equal(t, tc.want, lines(inv))
		})
	}
}

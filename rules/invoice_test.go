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

// year2026 is the twelve months of 2026.
var year2026 = billing.Months{Year: 2026, Month: time.January, Count: 12}

// monthly returns one spend of amount by account for each of the months.
func monthly(m billing.Months, account, amount string) []billing.Spend {
	out := make([]billing.Spend, m.Count)
	for i := range out {
		p := m.Period(i)
		out[i] = billing.Spend{Year: p.Year, Month: p.Month, Account: account, Amount: money.MustParseMoney(amount)}
	}
	return out
}

// lines lists an invoice's lines as "period tier kind amount".
func lines(inv billing.Invoice) []string {
	out := make([]string, len(inv.Lines))
	for i, l := range inv.Lines {
		out[i] = l.Period.String() + " " + l.Tier + " " + l.Kind.String() + " " + l.Amount.String()
	}
	return out
}

// lookerYear is a Looker Premier contract at 5,000 USD a month that
// renews on 15 July 2026 into Enhanced.
func lookerYear() entitlement.Contract {
	return entitlement.Contract{Account: "acme", Tier: "looker-premier", Start: date("2025-07-15"), Renewal: new(date("2026-07-15")),
		Billing: billing.Billing{Fee: money.MustParseMoney("5000 USD"), MovesTo: "enhanced"}}
}

// A year of a Looker Premier contract renewing into Enhanced: the
// contract's own fee until the renewal, both tiers prorated by days in
// July (14 and 17 of 31 days), then Enhanced at the aggregated spend of two
// accounts (40,000 + 45,000 = 85,000 costs 6,150 a month).
func TestInvoiceLookerRenewsIntoEnhanced(t *testing.T) {
	spends := append(monthly(year2026, "prod", "40000 USD"), monthly(year2026, "dev", "45000 USD")...)
	inv, err := Default().Invoice(lookerYear(), year2026, spends)
	require.NoError(t, err)
	want := []string{
		"2026-01 looker-premier fee 5000.00 USD", "2026-02 looker-premier fee 5000.00 USD", "2026-03 looker-premier fee 5000.00 USD",
		"2026-04 looker-premier fee 5000.00 USD", "2026-05 looker-premier fee 5000.00 USD", "2026-06 looker-premier fee 5000.00 USD",
		"2026-07-01/2026-07-14 looker-premier prorated-fee 2258.06 USD", // 5,000 × 14/31 = 2,258.0645…
		"2026-07-15/2026-07-31 enhanced prorated-fee 3372.58 USD",       // 6,150 × 17/31 = 3,372.5806…
		"2026-08 enhanced fee 6150.00 USD", "2026-09 enhanced fee 6150.00 USD", "2026-10 enhanced fee 6150.00 USD",
		"2026-11 enhanced fee 6150.00 USD", "2026-12 enhanced fee 6150.00 USD",
	}
	assert.Equal(t, want, lines(inv))
	assert.Equal(t, "66380.64 USD", inv.Total.String())
	assert.Equal(t, "85000.00 USD", inv.Lines[0].Spend.String())
	assert.Equal(t, "looker-premier: the contract's own fee of 5000.00 USD a month", inv.Lines[0].Reason)
	assert.Equal(t, "enhanced: the catalog's price; 17 of 31 days billed (days) of 6150.00 USD for the month; "+
		"moved here by migration looker-to-customer-care at 2026-07-15", inv.Lines[7].Reason)
}

// The same year with a partner discount from October and a commitment of
// 80,000 over the year: the true-up in December makes up the difference.
func TestInvoiceDiscountAndCommitment(t *testing.T) {
	c := lookerYear()
	c.Billing.Discounts = []billing.Discount{{Name: "partner", Rate: money.MustParseRate("10%"), From: date("2026-10-01")}}
	c.Billing.Commitments = []billing.Commitment{{Amount: money.MustParseMoney("80000 USD"), From: date("2026-01-01"), Until: date("2027-01-01")}}
	inv, err := Default().Invoice(c, year2026, monthly(year2026, "prod", "85000 USD"))
	require.NoError(t, err)
	got := lines(inv)
	assert.Equal(t, []string{
		"2026-10 enhanced fee 6150.00 USD", "2026-10 enhanced discount -615.00 USD",
		"2026-11 enhanced fee 6150.00 USD", "2026-11 enhanced discount -615.00 USD",
		"2026-12 enhanced fee 6150.00 USD", "2026-12 enhanced discount -615.00 USD",
		"2026-12 enhanced true-up 15464.36 USD", // 80,000 − (66,380.64 − 3 × 615)
	}, got[len(got)-7:])
	assert.Equal(t, "80000.00 USD", inv.Total.String())
	assert.Equal(t, "commitment of 80000.00 USD from 2026-01-01 until 2027-01-01: the term's net fees were 64535.64 USD", inv.Lines[len(got)-1].Reason)
}

// versionedMove is versionedTier with a migration from v to w, effective
// and holding the price as the contract says (in attrs).
const versionedMove = versionedTier +
	"  w:\n    name: W\n    response: {P1: 1h 24x7}\n    price: {currency: USD, minimum: \"1000\", proration: month-end, bands: [{rate: 1%}]}\n" +
	"migrations:\n  v-to-w:\n    applies: tier.id == 'v' && 'move' in contract.attrs\n" +
	"    effective: timestamp(contract.attrs.move)\n    holdPriceUntil: timestamp(contract.attrs.hold)\n    to: [w]\n"

// Which version each month pays: the start's until the renewal under the
// contract policy, the one in force under billed, and the start's while a
// migration holds the price.
func TestInvoicePriceVersions(t *testing.T) {
	start, renewal := date("2025-09-01"), date("2026-09-01")
	tests := []struct {
		name    string
		billing string
		attrs   map[string]any
		want    []string // the fee of each month of 2026
	}{
		{"contract", "", nil, []string{"100", "100", "100", "100", "100", "100", "100", "100", "150", "150", "150", "150"}},
		{"billed", "billing: {priceVersion: billed}\n", nil, []string{"120", "120", "120", "120", "120", "120", "150", "150", "150", "150", "150", "150"}},
		{"billed but held until September", "billing: {priceVersion: billed}\n",
			map[string]any{"move": "2030-01-01T00:00:00Z", "hold": "2026-09-01T00:00:00Z"},
			[]string{"100", "100", "100", "100", "100", "100", "100", "100", "150", "150", "150", "150"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile("t.yaml", []byte(versionedMove+tc.billing))
			require.NoError(t, err)
			c := entitlement.Contract{Tier: "v", Start: start, Renewal: new(renewal), Attrs: tc.attrs}
			inv, err := e.Invoice(c, year2026, nil)
			require.NoError(t, err)
			require.Len(t, inv.Lines, 12)
			for i, l := range inv.Lines {
				assert.Equal(t, tc.want[i]+".00 USD", l.Amount.String(), "month %d", i+1)
			}
		})
	}
}

// A move on the first of a month bills the whole month on the new tier;
// leaving a tier that bills to the month's end (w, month-end) bills that
// tier's whole month too, so that the line is a fee and not a prorated one.
func TestInvoiceMoveBoundaries(t *testing.T) {
	e, err := Compile("t.yaml", []byte(versionedMove))
	require.NoError(t, err)
	q := billing.Months{Year: 2026, Month: time.March, Count: 2}
	tests := []struct {
		name string
		move string
		want []string
	}{
		{"on the first of a month", "2026-04-01T00:00:00Z", []string{"2026-03 v fee 120.00 USD", "2026-04 w fee 1000.00 USD"}},
		{"on the first, after midnight", "2026-04-01T10:00:00Z", []string{"2026-03 v fee 120.00 USD", "2026-04 w fee 1000.00 USD"}},
		{"before the months", "2025-01-01T00:00:00Z", []string{"2026-03 w fee 1000.00 USD", "2026-04 w fee 1000.00 USD"}},
		{"after the months", "2026-05-01T00:00:00Z", []string{"2026-03 v fee 120.00 USD", "2026-04 v fee 120.00 USD"}},
		{"mid-month", "2026-04-11T00:00:00Z", []string{"2026-03 v fee 120.00 USD",
			"2026-04-01/2026-04-10 v prorated-fee 40.00 USD",    // 120 × 10/30
			"2026-04-11/2026-04-30 w prorated-fee 666.67 USD"}}, // 1,000 × 20/30
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := entitlement.Contract{Tier: "v", Start: date("2026-01-01"), Renewal: new(date("2027-01-01")),
				Attrs: map[string]any{"move": tc.move, "hold": "2026-01-01T00:00:00Z"}, Billing: billing.Billing{MovesTo: "w"}}
			inv, err := e.Invoice(c, q, nil)
			require.NoError(t, err)
			assert.Equal(t, tc.want, lines(inv))
		})
	}
}

func TestInvoiceErrors(t *testing.T) {
	e := Default()
	looker := lookerYear()
	noFee := lookerYear()
	noFee.Billing.Fee = money.Money{}
	noMove := lookerYear()
	noMove.Billing.MovesTo = ""
	badMove := lookerYear()
	badMove.Billing.MovesTo = "looker-premier"
	stray := entitlement.Contract{Tier: "enhanced", Start: date("2026-01-01"), Billing: billing.Billing{MovesTo: "premium"}}
	euros := lookerYear()
	euros.Billing.Fee = money.MustParseMoney("5000 EUR")
	enhanced := entitlement.Contract{Tier: "enhanced", Start: date("2026-01-01")}
	early := entitlement.Contract{Tier: "enhanced", Start: date("2026-03-01"), Renewal: new(date("2026-01-01"))}
	before := enhanced
	before.Billing.Commitments = []billing.Commitment{{Amount: money.MustParseMoney("1 USD"), From: date("2025-01-01"), Until: date("2026-02-01")}}
	spend := func(y int, m time.Month, amount string) []billing.Spend {
		return []billing.Spend{{Year: y, Month: m, Account: "prod", Amount: money.MustParseMoney(amount)}}
	}
	tests := []struct {
		name     string
		contract entitlement.Contract
		months   billing.Months
		spends   []billing.Spend
		is       error
		err      string
	}{
		{"a legacy tier without the contract's fee", noFee, year2026, nil, ErrNoPrice,
			`invoice of contract "acme": no price: tier "looker-premier" has none in the catalog: give the contract's own monthly fee (Billing.Fee)`},
		{"a move without MovesTo", noMove, year2026, nil, ErrInvalidContract,
			`invoice of contract "acme": invalid contract: migration "looker-to-customer-care" moves the contract off tier "looker-premier" at 2026-07-15, within 2026-01..2026-12: set Billing.MovesTo to one of [standard enhanced premium]`},
		{"MovesTo not a target", badMove, year2026, nil, ErrInvalidContract,
			`invoice of contract "acme": invalid contract: Billing.MovesTo "looker-premier" is not a target of migration "looker-to-customer-care" ([standard enhanced premium])`},
		{"MovesTo without a migration", stray, year2026, nil, ErrInvalidContract,
			`invoice of contract: invalid contract: Billing.MovesTo is "premium" but no migration applies to tier "enhanced"`},
		{"a renewal before the start", early, year2026, nil, ErrInvalidContract,
			"invoice of contract: invalid contract: the renewal 2026-01-01 is before the start 2026-03-01"},
		{"months before the start", enhanced, billing.Months{Year: 2025, Month: time.January, Count: 12}, nil, billing.ErrInvalidPeriod,
			"invoice of contract: invalid period: the invoiced months 2025-01..2025-12 end before the contract's start 2026-01-01: there is nothing to bill"},
		{"a move before the months without MovesTo", noMove, billing.Months{Year: 2027, Month: time.January, Count: 3}, nil, ErrInvalidContract,
			`invoice of contract "acme": invalid contract: migration "looker-to-customer-care" moved the contract off tier "looker-premier" at 2026-07-15, before 2027-01..2027-03: ` +
				"give the tier it moved to as the contract's tier, or set Billing.MovesTo to one of [standard enhanced premium]"},
		{"a negative spend outside the months", looker, year2026, spend(2027, time.March, "-1 USD"), billing.ErrNegativeSpend,
			`invoice of contract "acme": spend of account "prod" for 2027-03: negative spend: -1.00 USD`},
		{"a spend in euros", looker, year2026, spend(2026, time.March, "1 EUR"), money.ErrCurrencyMismatch,
			`invoice of contract "acme": spend of account "prod" for 2026-03: currency mismatch: EUR and USD`},
		{"a negative spend", looker, year2026, spend(2026, time.March, "-1 USD"), billing.ErrNegativeSpend,
			`invoice of contract "acme": spend of account "prod" for 2026-03: negative spend: -1.00 USD`},
		{"spends too large to add", enhanced, year2026, append(spend(2026, time.March, "90000000000000000 USD"), spend(2026, time.March, "90000000000000000 USD")...),
			money.ErrOverflow, `invoice of contract: spends for 2026-03: money overflow: 90000000000000000.00 USD + 90000000000000000.00 USD`},
		{"a fee in another currency than the new tier's", euros, year2026, nil, money.ErrCurrencyMismatch,
			`invoice of contract "acme": currency mismatch: tier "looker-premier" bills in EUR and tier "enhanced" in USD`},
		{"a spend without a currency", enhanced, year2026, []billing.Spend{{Year: 2026, Month: time.May}}, money.ErrCurrencyMismatch,
			`invoice of contract: spend of account "" for 2026-05: currency mismatch: no currency and USD`},
		{"no months", looker, billing.Months{}, nil, billing.ErrInvalidPeriod,
			`invoice of contract "acme": invalid period: month 0 is not between 1 and 12`},
		{"no tier", entitlement.Contract{}, year2026, nil, ErrInvalidContract, "invoice of contract: invalid contract: the contract names no tier"},
		{"a term that began before the months", before, year2026, nil, billing.ErrInvalidTerms,
			"invoice of contract: invalid billing terms: commitment 1 runs from 2025-01-01, before the invoiced months 2026-01..2026-12: invoice its whole term"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Invoice(tc.contract, tc.months, tc.spends)
			require.ErrorIs(t, err, tc.is)
			assert.EqualError(t, err, tc.err)
		})
	}
}

// Months before the contract's start are not billed and their spends are
// ignored, with a warning; the start's month is prorated from its day.
// Before the fix every month of the six was billed in full.
func TestInvoiceBeforeStart(t *testing.T) {
	months := billing.Months{Year: 2026, Month: time.January, Count: 6}
	c := entitlement.Contract{Tier: "enhanced", Start: date("2026-03-17"), Renewal: new(date("2027-03-17"))}
	inv, err := Default().Invoice(c, months, monthly(months, "prod", "85000 USD"))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2026-03-17/2026-03-31 enhanced prorated-fee 2975.81 USD", // 6,150 × 15/31 = 2,975.806…
		"2026-04 enhanced fee 6150.00 USD", "2026-05 enhanced fee 6150.00 USD", "2026-06 enhanced fee 6150.00 USD",
	}, lines(inv))
	assert.Equal(t, months, inv.Months, "the invoice covers the months asked for")
	assert.Equal(t, "21425.81 USD", inv.Total.String())
	assert.Equal(t, []string{"2026-01..2026-02: before the contract's start 2026-03-17, not billed (2 spend rows ignored)"}, inv.Warnings)
	assert.Equal(t, "enhanced: the catalog's price; 15 of 31 days billed (days) of 6150.00 USD for the month; "+
		"the contract starts at 2026-03-17", inv.Lines[0].Reason)
}

// Spends of other months are not billed, so that a year of spends bills
// one quarter; a billed month without a spend row and spends outside the
// months are warned about. Before the fix a spend outside the months was
// an error and a missing row passed in silence.
func TestInvoiceWarnings(t *testing.T) {
	q2 := billing.Months{Year: 2026, Month: time.April, Count: 3}
	c := entitlement.Contract{Tier: "enhanced", Start: date("2026-01-01")}
	tests := []struct {
		name     string
		spends   []billing.Spend
		fees     []string
		warnings []string
	}{
		{"a year of spends bills a quarter", monthly(year2026, "prod", "85000 USD"),
			[]string{"6150.00 USD", "6150.00 USD", "6150.00 USD"},
			[]string{"9 spend rows outside the invoiced months 2026-04..2026-06: not billed"}},
		{"a month without a row", monthly(billing.Months{Year: 2026, Month: time.April, Count: 2}, "prod", "85000 USD"),
			[]string{"6150.00 USD", "6150.00 USD", "100.00 USD"},
			[]string{"2026-06: no spend row, billed at a spend of 0.00 USD"}},
		{"every row", monthly(q2, "prod", "85000 USD"), []string{"6150.00 USD", "6150.00 USD", "6150.00 USD"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv, err := Default().Invoice(c, q2, tc.spends)
			require.NoError(t, err)
			var fees []string
			for _, l := range inv.Lines {
				fees = append(fees, l.Amount.String())
			}
			assert.Equal(t, tc.fees, fees)
			assert.Equal(t, tc.warnings, inv.Warnings)
		})
	}
}

// The last month of the year 9999 can be invoiced: its end is in the year
// 10000. Before the fix it was refused as outside the years 1 to 9999.
func TestInvoiceLastMonth(t *testing.T) {
	last := billing.Months{Year: 9999, Month: time.December, Count: 1}
	c := entitlement.Contract{Tier: "enhanced", Start: date("9999-01-01")}
	inv, err := Default().Invoice(c, last, monthly(last, "prod", "85000 USD"))
	require.NoError(t, err)
	assert.Equal(t, []string{"9999-12 enhanced fee 6150.00 USD"}, lines(inv))
}

// TestInvoiceConcurrent invoices one contract from parallel subtests on the
// shared default engine: every invoice is the same, and go test -race
// checks that nothing is shared mutably.
func TestInvoiceConcurrent(t *testing.T) {
	e := Default()
	c := lookerYear()
	c.Billing.Discounts = []billing.Discount{{Rate: money.MustParseRate("10%"), From: date("2026-10-01")}}
	spends := monthly(year2026, "prod", "85000 USD")
	want, err := e.Invoice(c, year2026, spends)
	require.NoError(t, err)
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for range 50 {
				inv, err := e.Invoice(c, year2026, spends)
				require.NoError(t, err)
				require.Equal(t, lines(want), lines(inv))
			}
		})
	}
}

package billing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestParseMonths(t *testing.T) {
	tests := []struct {
		in    string
		want  Months
		again string
		err   string
	}{
		{"2026-01..2026-12", Months{2026, time.January, 12}, "2026-01..2026-12", ""},
		{"2026-03", Months{2026, time.March, 1}, "2026-03", ""},
		{"2025-11..2026-02", Months{2025, time.November, 4}, "2025-11..2026-02", ""},
		{"2026-12..2026-01", Months{}, "", `invalid period "2026-12..2026-01": want months as 2026-01..2026-12 (both included) or one month 2026-01`},
		{"2026-13", Months{}, "", `invalid period "2026-13": want months as 2026-01..2026-12 (both included) or one month 2026-01`},
		{"1900-01..2026-01", Months{}, "", "invalid period: 1513 months (want 1 to 1200)"},
		{"9999-12", Months{9999, time.December, 1}, "9999-12", ""}, // its end is in the year 10000; refused before the fix
		{"9999-01..9999-12", Months{9999, time.January, 12}, "9999-01..9999-12", ""},
		{"0001-01", Months{1, time.January, 1}, "0001-01", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseMonths(tc.in)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				require.ErrorIs(t, err, ErrInvalidPeriod)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.again, got.String())
		})
	}
}

func TestMonthsValidateAndIndex(t *testing.T) {
	m := Months{Year: 2025, Month: time.November, Count: 4}
	tests := []struct {
		name  string
		year  int
		month time.Month
		want  int
	}{
		{"first", 2025, time.November, 0},
		{"across the year", 2026, time.January, 2},
		{"last", 2026, time.February, 3},
		{"after", 2026, time.March, -1},
		{"before", 2025, time.October, -1},
		{"not a month", 2026, 0, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, m.Index(tc.year, tc.month))
		})
	}
	assert.Equal(t, time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC), m.Start(4))
	assert.Equal(t, MonthPeriod(2026, time.January), m.Period(2))
	for name, bad := range map[string]Months{
		"zero":         {},
		"month 13":     {Year: 2026, Month: 13, Count: 1},
		"no months":    {Year: 2026, Month: 1},
		"year 0":       {Year: 0, Month: 1, Count: 1},
		"past 9999":    {Year: 9999, Month: 12, Count: 2},
		"too many":     {Year: 2026, Month: 1, Count: 1201},
		"negative run": {Year: 2026, Month: 1, Count: -1},
	} {
		t.Run(name, func(t *testing.T) {
			assert.ErrorIs(t, bad.Validate(), ErrInvalidPeriod)
		})
	}
}

// feeLines returns one whole-month fee line of amount per month of m.
func feeLines(m Months, amounts ...string) []InvoiceLine {
	out := make([]InvoiceLine, m.Count)
	for i := range out {
		out[i] = InvoiceLine{Period: m.Period(i), Tier: "t", Amount: money.MustParseMoney(amounts[i%len(amounts)])}
	}
	return out
}

// kinds lists each line as "period kind amount".
func kinds(inv Invoice) []string {
	out := make([]string, len(inv.Lines))
	for i, l := range inv.Lines {
		out[i] = l.Period.String() + " " + l.Kind.String() + " " + l.Amount.String()
	}
	return out
}

func TestBillingApply(t *testing.T) {
	q := Months{Year: 2026, Month: time.January, Count: 3}
	jan, feb, mar, apr := day("2026-01-01"), day("2026-02-01"), day("2026-03-01"), day("2026-04-01")
	tests := []struct {
		name    string
		billing Billing
		fees    []string
		want    []string
		total   string
	}{
		{"no terms", Billing{}, []string{"100 USD"},
			[]string{"2026-01 fee 100.00 USD", "2026-02 fee 100.00 USD", "2026-03 fee 100.00 USD"}, "300.00 USD"},
		{"a percentage, then a fixed amount off what is left", Billing{Discounts: []Discount{
			{Rate: money.MustParseRate("10%"), From: feb}, {Amount: money.MustParseMoney("50 USD"), From: jan, Until: feb}}},
			[]string{"100 USD"},
			[]string{"2026-01 fee 100.00 USD", "2026-01 discount -50.00 USD", "2026-02 fee 100.00 USD", "2026-02 discount -10.00 USD",
				"2026-03 fee 100.00 USD", "2026-03 discount -10.00 USD"}, "230.00 USD"},
		{"two discounts in order", Billing{Discounts: []Discount{
			{Rate: money.MustParseRate("50%"), From: mar}, {Amount: money.MustParseMoney("80 USD"), From: mar}}},
			[]string{"100 USD"},
			[]string{"2026-01 fee 100.00 USD", "2026-02 fee 100.00 USD", "2026-03 fee 100.00 USD",
				"2026-03 discount -50.00 USD", "2026-03 discount -50.00 USD"}, "200.00 USD"},
		{"a commitment short of its amount", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("1000 USD"), From: jan, Until: apr}}},
			[]string{"100 USD", "200 USD", "300 USD"},
			[]string{"2026-01 fee 100.00 USD", "2026-02 fee 200.00 USD", "2026-03 fee 300.00 USD", "2026-03 true-up 400.00 USD"}, "1000.00 USD"},
		{"a commitment counts net fees", Billing{
			Discounts:   []Discount{{Rate: money.MustParseRate("10%"), From: jan}},
			Commitments: []Commitment{{Amount: money.MustParseMoney("300 USD"), From: jan, Until: apr}}},
			[]string{"100 USD"},
			[]string{"2026-01 fee 100.00 USD", "2026-01 discount -10.00 USD", "2026-02 fee 100.00 USD", "2026-02 discount -10.00 USD",
				"2026-03 fee 100.00 USD", "2026-03 discount -10.00 USD", "2026-03 true-up 30.00 USD"}, "300.00 USD"},
		{"a commitment met", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("250 USD"), From: jan, Until: mar}}},
			[]string{"200 USD"},
			[]string{"2026-01 fee 200.00 USD", "2026-02 fee 200.00 USD", "2026-03 fee 200.00 USD"}, "600.00 USD"},
		{"a term ending after the months has no line yet", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("9999 USD"), From: feb, Until: day("2027-01-01")}}},
			[]string{"1 USD"},
			[]string{"2026-01 fee 1.00 USD", "2026-02 fee 1.00 USD", "2026-03 fee 1.00 USD"}, "3.00 USD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv, err := tc.billing.Apply("acme", q, feeLines(q, tc.fees...))
			require.NoError(t, err)
			assert.Equal(t, tc.want, kinds(inv))
			assert.Equal(t, tc.total, inv.Total.String())
			assert.Equal(t, "acme", inv.Account)
			assert.Equal(t, "USD", inv.Currency)
		})
	}
}

// A fixed discount larger than what the month's fees left takes the month
// to zero, and its line's reason says it was capped. Before the fix the
// reason read as if the whole amount had been taken off.
func TestBillingApplyCappedDiscount(t *testing.T) {
	q := Months{Year: 2026, Month: time.January, Count: 2}
	b := Billing{Discounts: []Discount{
		{Name: "partner", Rate: money.MustParseRate("50%"), From: day("2026-01-01")},
		{Name: "credit", Amount: money.MustParseMoney("80 USD"), From: day("2026-01-01")}}}
	inv, err := b.Apply("acme", q, []InvoiceLine{
		{Period: q.Period(0), Amount: money.MustParseMoney("100 USD")},
		{Period: q.Period(1), Amount: money.MustParseMoney("200 USD")}})
	require.NoError(t, err)
	var reasons []string
	for _, l := range inv.Lines {
		if l.Kind == ChargeDiscount {
			reasons = append(reasons, l.Amount.String()+" "+l.Reason)
		}
	}
	assert.Equal(t, []string{
		"-50.00 USD partner: 50% off the month's fees",
		"-50.00 USD credit: 80.00 USD a month off the month's fees, capped at the 50.00 USD of fees left in the month",
		"-100.00 USD partner: 50% off the month's fees",
		"-80.00 USD credit: 80.00 USD a month off the month's fees",
	}, reasons)
	assert.Equal(t, "20.00 USD", inv.Total.String())
}

func TestBillingApplyErrors(t *testing.T) {
	q := Months{Year: 2026, Month: time.January, Count: 2}
	before := Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("1 USD"), From: day("2025-12-01"), Until: day("2026-02-01")}}}
	tests := []struct {
		name    string
		billing Billing
		months  Months
		fees    []InvoiceLine
		is      error
		err     string
	}{
		{"a term that started before the months", before, q, feeLines(q, "1 USD"), ErrInvalidTerms,
			"invalid billing terms: commitment 1 runs from 2025-12-01, before the invoiced months 2026-01..2026-02: invoice its whole term"},
		{"no fee lines", Billing{}, q, nil, ErrInvalidPeriod, "invalid period: no fee lines for 2026-01..2026-02"},
		{"a month without a fee line", Billing{}, q, feeLines(Months{Year: 2026, Month: time.January, Count: 1}, "1 USD"), ErrInvalidPeriod,
			"invalid period: no fee line for 2026-02"},
		{"a fee line outside the months", Billing{}, Months{Year: 2026, Month: time.January, Count: 1}, feeLines(q, "1 USD"), ErrInvalidPeriod,
			"invalid period: fee line for 2026-02 is outside 2026-01 or out of order"},
		{"fees in two currencies", Billing{}, q, []InvoiceLine{{Period: q.Period(0), Amount: money.MustParseMoney("1 USD")},
			{Period: q.Period(1), Amount: money.MustParseMoney("1 EUR")}}, money.ErrCurrencyMismatch, "fees of 2026-02: currency mismatch: USD and EUR"},
		{"bad months", Billing{}, Months{}, feeLines(q, "1 USD"), ErrInvalidPeriod, "invalid period: month 0 is not between 1 and 12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.billing.Apply("acme", tc.months, tc.fees)
			require.ErrorIs(t, err, tc.is)
			assert.EqualError(t, err, tc.err)
		})
	}
}

func TestChargeKindNames(t *testing.T) {
	for _, k := range []ChargeKind{ChargeFee, ChargeProratedFee, ChargeDiscount, ChargeTrueUp} {
		t.Run(k.String(), func(t *testing.T) {
			text, err := k.MarshalText()
			require.NoError(t, err)
			var back ChargeKind
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, k, back)
		})
	}
	_, err := ParseChargeKind("credit")
	require.EqualError(t, err, `unknown charge kind "credit" (want fee, prorated-fee, discount or true-up)`)
}

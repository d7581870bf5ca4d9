package billing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

// The worked examples of the discount arithmetic: the share of the fees
// rounded half-even once, a fixed amount never more than the fees.
func TestDiscountOff(t *testing.T) {
	tests := []struct {
		name     string
		discount Discount
		fees     string
		want     string
	}{
		{"10% of the Enhanced fee at 85,000", Discount{Rate: money.MustParseRate("10%")}, "6150 USD", "615.00 USD"},
		{"half a cent rounds to even (down)", Discount{Rate: money.MustParseRate("50%")}, "0.01 USD", "0.00 USD"},
		{"half a cent rounds to even (up)", Discount{Rate: money.MustParseRate("50%")}, "0.03 USD", "0.02 USD"},
		{"12.5% of 0.10", Discount{Rate: money.MustParseRate("12.5%")}, "0.10 USD", "0.01 USD"},
		{"100% takes everything", Discount{Rate: money.MustParseRate("100%")}, "29 USD", "29.00 USD"},
		{"fixed below the fees", Discount{Amount: money.MustParseMoney("500 USD")}, "6150 USD", "500.00 USD"},
		{"fixed above the fees stops at zero", Discount{Amount: money.MustParseMoney("500 USD")}, "300 USD", "300.00 USD"},
		{"yen have no minor unit", Discount{Rate: money.MustParseRate("15%")}, "1003 JPY", "150 JPY"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.discount.Off(money.MustParseMoney(tc.fees))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.String())
		})
	}
	_, err := Discount{Amount: money.MustParseMoney("5 EUR")}.Off(money.MustParseMoney("10 USD"))
	require.ErrorIs(t, err, money.ErrCurrencyMismatch)
	_, err = Discount{Rate: money.MustParseRate("5%")}.Off(money.MustParseMoney("-10 USD"))
	require.ErrorIs(t, err, ErrInvalidTerms)
}

func TestCommitmentTrueUp(t *testing.T) {
	tests := []struct {
		name, amount, fees, want string
	}{
		{"short of the commitment", "80000 USD", "64535.64 USD", "15464.36 USD"},
		{"exactly met", "80000 USD", "80000 USD", "0.00 USD"},
		{"exceeded", "80000 USD", "90000 USD", "0.00 USD"},
		{"nothing billed", "1200 USD", "0 USD", "1200.00 USD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Commitment{Amount: money.MustParseMoney(tc.amount)}.TrueUp(money.MustParseMoney(tc.fees))
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.String())
		})
	}
	_, err := Commitment{Amount: money.MustParseMoney("1 USD")}.TrueUp(money.MustParseMoney("1 EUR"))
	require.ErrorIs(t, err, money.ErrCurrencyMismatch)
}

func TestBillingValidate(t *testing.T) {
	jan, jul := day("2026-01-01"), day("2026-07-01")
	tests := []struct {
		name    string
		billing Billing
		err     string
	}{
		{"nothing", Billing{}, ""},
		{"every term", Billing{Fee: money.MustParseMoney("5000 USD"),
			Discounts:   []Discount{{Rate: money.MustParseRate("10%"), From: jan}, {Amount: money.MustParseMoney("100 USD"), From: jan, Until: jul}},
			Commitments: []Commitment{{Amount: money.MustParseMoney("1 USD"), From: jan, Until: jul}}}, ""},
		{"fee in another currency", Billing{Fee: money.MustParseMoney("5000 EUR")}, "invalid billing terms: fee 5000.00 EUR is not a non-negative amount in USD"},
		{"negative fee", Billing{Fee: money.MustParseMoney("-1 USD")}, "invalid billing terms: fee -1.00 USD is not a non-negative amount in USD"},
		{"rate and amount", Billing{Discounts: []Discount{{Rate: money.MustParseRate("1%"), Amount: money.MustParseMoney("1 USD"), From: jan}}},
			"invalid billing terms: discount 1: give either a rate or an amount"},
		{"neither", Billing{Discounts: []Discount{{From: jan}}}, "invalid billing terms: discount 1: give either a rate or an amount"},
		{"negative amount", Billing{Discounts: []Discount{{Amount: money.MustParseMoney("-1 USD"), From: jan}}},
			"invalid billing terms: discount 1: amount -1.00 USD is not a non-negative amount in USD"},
		{"mid-month window", Billing{Discounts: []Discount{{Rate: money.MustParseRate("1%"), From: day("2026-01-15")}}},
			"invalid billing terms: discount 1: from 2026-01-15 is not the first instant of a month in UTC"},
		{"from 0001-01-01, the zero instant, an instant like any other", Billing{Discounts: []Discount{{Rate: money.MustParseRate("1%")}}}, ""},
		{"from 0001-01-01 until 0001-02-01", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("1 USD"), Until: day("0001-02-01")}}}, ""},
		{"window backwards", Billing{Discounts: []Discount{{Rate: money.MustParseRate("1%"), From: jul, Until: jan}}},
			"invalid billing terms: discount 1: until 2026-01-01 is not after from 2026-07-01"},
		{"open term", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("1 USD"), From: jan}}},
			"invalid billing terms: commitment 1: until 0001-01-01 is not after from 2026-01-01"},
		{"commitment in another currency", Billing{Commitments: []Commitment{{Amount: money.MustParseMoney("1 EUR"), From: jan, Until: jul}}},
			"invalid billing terms: commitment 1: amount 1.00 EUR is not a non-negative amount in USD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.billing.Validate("USD")
			if tc.err == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidTerms)
			assert.EqualError(t, err, tc.err)
		})
	}
}

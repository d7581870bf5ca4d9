package entitlement

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiscountApply(t *testing.T) {
	jan := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	year := Window{From: jan, Until: jan.AddDate(1, 0, 0)}
	usd := func(s string) Money { return MustParseMoney(s + " USD") }
	pct := func(r string, w Window) Discount { return Discount{Rate: MustParseRate(r), Window: w} }
	off := func(a string, w Window) Discount { return Discount{Amount: MustParseMoney(a), Window: w} }
	tests := []struct {
		name     string
		discount Discount
		fee      Money
		at       time.Time
		want     string
	}{
		{"15% of the Enhanced example", pct("15%", year), usd("6150"), jan.AddDate(0, 3, 0), "5227.50 USD"},
		{"at From: inside", pct("15%", year), usd("6150"), jan, "5227.50 USD"},
		{"just before Until: inside", pct("15%", year), usd("6150"), year.Until.Add(-time.Nanosecond), "5227.50 USD"},
		{"at Until: outside", pct("15%", year), usd("6150"), year.Until, "6150.00 USD"},
		{"before From: outside", pct("15%", year), usd("6150"), jan.Add(-time.Nanosecond), "6150.00 USD"},
		{"no end", pct("10%", Window{From: jan}), usd("100"), jan.AddDate(50, 0, 0), "90.00 USD"},
		{"no start", pct("10%", Window{Until: jan}), usd("100"), jan.AddDate(-50, 0, 0), "90.00 USD"},
		{"half to even down", pct("50%", year), usd("0.01"), jan, "0.00 USD"},              // 0.005
		{"half to even up", pct("50%", year), usd("0.03"), jan, "0.02 USD"},                // 0.015
		{"JPY half to even", pct("10%", year), MustParseMoney("1005 JPY"), jan, "904 JPY"}, // 904.5
		{"100% off", pct("100%", year), usd("6150"), jan, "0.00 USD"},
		{"largest fee", pct("0.000001%", year), Money{minor: math.MaxInt64, cur: currencyIndex["USD"]}, jan, "92233719446210554.38 USD"},
		{"fixed amount", off("100 USD", year), usd("6150"), jan, "6050.00 USD"},
		{"fixed amount above the fee", off("200 USD", year), usd("150"), jan, "0.00 USD"},
		{"fixed amount outside", off("200 USD", year), usd("150"), year.Until, "150.00 USD"},
		{"fixed amount of zero", Discount{Amount: usd("0")}, usd("150"), jan, "150.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.discount.Apply(tt.fee, tt.at)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestDiscountErrors(t *testing.T) {
	jan := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	usd := MustParseMoney("100 USD")
	tests := []struct {
		name     string
		discount Discount
		fee      Money
		want     error
		msg      string
	}{
		{"rate and amount", Discount{Rate: MustParseRate("5%"), Amount: usd}, usd, ErrInvalidDiscount,
			"invalid discount: both a rate (5%) and an amount (100.00 USD); set one"},
		{"neither", Discount{}, usd, ErrInvalidDiscount, "invalid discount: no rate and no amount; set one"},
		{"rate above 100%", Discount{Rate: Rate{micro: rateScale + 1}}, usd, ErrInvalidDiscount,
			"invalid discount: rate 100.000001% is outside 0%..100%"},
		{"negative rate", Discount{Rate: Rate{micro: -1}}, usd, ErrInvalidDiscount,
			"invalid discount: rate -0.000001% is outside 0%..100%"},
		{"negative amount", Discount{Amount: MustParseMoney("-1 USD")}, usd, ErrInvalidDiscount,
			"invalid discount: amount -1.00 USD is negative"},
		{"empty window", Discount{Rate: MustParseRate("5%"), Window: Window{From: jan, Until: jan}}, usd, ErrInvalidDiscount,
			"invalid discount: until 2026-01-01T00:00:00Z is not after from 2026-01-01T00:00:00Z"},
		{"window backwards", Discount{Rate: MustParseRate("5%"), Window: Window{From: jan, Until: jan.Add(-time.Hour)}}, usd, ErrInvalidDiscount,
			"invalid discount: until 2025-12-31T23:00:00Z is not after from 2026-01-01T00:00:00Z"},
		{"amount in another currency", Discount{Amount: MustParseMoney("10 EUR")}, usd, ErrCurrencyMismatch,
			"discount 10.00 EUR: currency mismatch: EUR and USD"},
		{"negative fee", Discount{Rate: MustParseRate("5%")}, MustParseMoney("-1 USD"), ErrNegativeFee, "negative fee: -1.00 USD"},
		{"fee without currency", Discount{Rate: MustParseRate("5%")}, Money{}, ErrCurrencyMismatch, "currency mismatch: fee 0 has no currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.discount.Apply(tt.fee, jan)
			assert.ErrorIs(t, err, tt.want)
			assert.EqualError(t, err, tt.msg)
			assert.Equal(t, Money{}, got)
		})
	}
}

func TestCommitmentTrueUp(t *testing.T) {
	jan := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	term := Window{From: jan, Until: jan.AddDate(1, 0, 0)}
	usd := func(s string) Money { return MustParseMoney(s + " USD") }
	monthly := func(fee Money, from time.Time, months int) []Charge {
		var cs []Charge
		for m := range months {
			cs = append(cs, Charge{At: from.AddDate(0, m, 0), Fee: fee})
		}
		return cs
	}
	tests := []struct {
		name       string
		commitment Commitment
		charges    []Charge
		want       string
	}{
		{"short by three months", Commitment{Amount: usd("15000"), Window: term}, monthly(usd("1000"), jan, 12), "3000.00 USD"},
		{"met exactly", Commitment{Amount: usd("12000"), Window: term}, monthly(usd("1000"), jan, 12), "0.00 USD"},
		{"exceeded", Commitment{Amount: usd("10000"), Window: term}, monthly(usd("1000"), jan, 12), "0.00 USD"},
		{"no charges", Commitment{Amount: usd("10000"), Window: term}, nil, "10000.00 USD"},
		{"charges outside the term are ignored", Commitment{Amount: usd("15000"), Window: term},
			monthly(usd("1000"), jan.AddDate(0, -6, 0), 24), "3000.00 USD"},
		{"a charge at Until is outside", Commitment{Amount: usd("500"), Window: term},
			[]Charge{{At: term.Until, Fee: usd("500")}, {At: term.From, Fee: usd("100.01")}}, "399.99 USD"},
		{"charges outside the term in another currency are ignored", Commitment{Amount: usd("500"), Window: term},
			[]Charge{{At: term.Until, Fee: MustParseMoney("500 EUR")}}, "500.00 USD"},
		{"zero commitment", Commitment{Amount: usd("0"), Window: term}, nil, "0.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.commitment.TrueUp(tt.charges)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestCommitmentErrors(t *testing.T) {
	jan := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	term := Window{From: jan, Until: jan.AddDate(1, 0, 0)}
	usd := MustParseMoney("100 USD")
	huge := Money{minor: math.MaxInt64, cur: currencyIndex["USD"]}
	tests := []struct {
		name       string
		commitment Commitment
		charges    []Charge
		want       error
		msg        string
	}{
		{"no amount", Commitment{Window: term}, nil, ErrInvalidCommitment, "invalid commitment: no amount"},
		{"negative amount", Commitment{Amount: MustParseMoney("-1 USD"), Window: term}, nil, ErrInvalidCommitment,
			"invalid commitment: amount -1.00 USD is negative"},
		{"no end", Commitment{Amount: usd, Window: Window{From: jan}}, nil, ErrInvalidCommitment,
			"invalid commitment: the term needs both from and until"},
		{"no start", Commitment{Amount: usd, Window: Window{Until: jan}}, nil, ErrInvalidCommitment,
			"invalid commitment: the term needs both from and until"},
		{"backwards", Commitment{Amount: usd, Window: Window{From: term.Until, Until: jan}}, nil, ErrInvalidCommitment,
			"invalid commitment: until 2026-01-01T00:00:00Z is not after from 2027-01-01T00:00:00Z"},
		{"fee in another currency", Commitment{Amount: usd, Window: term}, []Charge{{At: jan, Fee: MustParseMoney("1 EUR")}},
			ErrCurrencyMismatch, "charge at 2026-01-01T00:00:00Z: currency mismatch: USD and EUR"},
		{"negative fee", Commitment{Amount: usd, Window: term}, []Charge{{At: jan, Fee: MustParseMoney("-1 USD")}},
			ErrNegativeFee, "charge at 2026-01-01T00:00:00Z: negative fee: -1.00 USD"},
		{"fees overflow", Commitment{Amount: usd, Window: term}, []Charge{{At: jan, Fee: huge}, {At: jan, Fee: usd}},
			ErrOverflow, "charge at 2026-01-01T00:00:00Z: money overflow: 92233720368547758.07 USD + 100.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.commitment.TrueUp(tt.charges)
			assert.ErrorIs(t, err, tt.want)
			assert.EqualError(t, err, tt.msg)
			assert.Equal(t, Money{}, got)
		})
	}
}

package billing

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestDiffFees(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	plus := Price{Currency: "USD", Minimum: usd("100"), Bands: []Band{
		{UpTo: usd("10000"), Rate: money.MustParseRate("10%")},
		{UpTo: usd("80000"), Rate: money.MustParseRate("7%")},
		{Unbounded: true, Rate: money.MustParseRate("5%")},
	}}
	capped := plus
	capped.Maximum = usd("5000")
	cheaper := plus
	cheaper.Bands = []Band{plus.Bands[0], {UpTo: usd("80000"), Rate: money.MustParseRate("6%")}, plus.Bands[2]}
	tests := []struct {
		name         string
		old, new     Price
		min, minAt   string
		max, maxAt   string
		limitAtLeast money.Money
	}{
		{"same price", plus, plus, "0.00 USD", "0.00 USD", "0.00 USD", "0.00 USD", usd("1000000000")},
		// The cap bites from 67,142.86 (1000 + 7% of 57,142.86 = 5000) and
		// saves ever more as the spend grows: most at the largest spend,
		// 5000 − (5900 + 5% of (S − 80,000)).
		{"a maximum above the reference spends", plus, capped, "-4611686018424287.90 USD", "92233720368547758.07 USD", "0.00 USD", "0.00 USD", usd("1000000000")},
		// 1% less on the band 10,000-80,000: 700 less from 80,000 on.
		{"a cheaper middle band", plus, cheaper, "-700.00 USD", "80000.00 USD", "0.00 USD", "0.00 USD", usd("1000000000")},
		{"a dearer price", cheaper, plus, "0.00 USD", "0.00 USD", "700.00 USD", "80000.00 USD", usd("1000000000")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fd, err := DiffFees(tc.old, tc.new)
			require.NoError(t, err)
			assert.Equal(t, tc.min, fd.Min.String(), "min")
			assert.Equal(t, tc.minAt, fd.MinSpend.String(), "min at")
			assert.Equal(t, tc.max, fd.Max.String(), "max")
			assert.Equal(t, tc.maxAt, fd.MaxSpend.String(), "max at")
			assert.GreaterOrEqual(t, fd.Limit.Minor(), tc.limitAtLeast.Minor())
		})
	}
	_, err := DiffFees(plus, Price{Currency: "EUR", Bands: []Band{{Unbounded: true}}})
	require.ErrorIs(t, err, money.ErrCurrencyMismatch)
	_, err = DiffFees(Price{}, plus)
	require.ErrorIs(t, err, ErrInvalidPrice)
}

// randomFeePrice makes a valid price whose breakpoints lie below 300 minor
// units, with rates, flat amounts, minimum and maximum drawn at random;
// now and then a flat amount so large that big spends overflow.
func randomFeePrice(r *rand.Rand) Price {
	p := Price{Currency: "USD", Model: Model(r.IntN(2))}
	n := 1 + r.IntN(4)
	var limit int64
	for i := range n {
		rate, _ := money.NewRate(randomRate(r))
		b := Band{Rate: rate}
		if r.IntN(3) == 0 {
			b.Flat = money.FromMinor(r.Int64N(500), usdIndex)
		}
		if r.IntN(20) == 0 {
			b.Flat = money.FromMinor(math.MaxInt64/2+r.Int64N(math.MaxInt64/2), usdIndex)
		}
		if i == n-1 {
			b.Unbounded = true
		} else {
			limit += 1 + r.Int64N(300/int64(n))
			b.UpTo = money.FromMinor(limit, usdIndex)
		}
		p.Bands = append(p.Bands, b)
	}
	if r.IntN(2) == 0 {
		p.Minimum = money.FromMinor(r.Int64N(100), usdIndex)
	}
	if r.IntN(2) == 0 {
		p.Maximum = money.FromMinor(p.Minimum.Minor()+r.Int64N(200), usdIndex)
	}
	return p
}

func randomRate(r *rand.Rand) int64 {
	switch r.IntN(3) {
	case 0:
		return r.Int64N(101) * 1_000_000
	case 1:
		return r.Int64N(money.RateScale + 1)
	}
	return 0
}

var usdIndex = func() money.CurrencyID { c, _ := money.LookupCurrency("USD"); return c }()

// TestDiffFeesBruteForce checks the breakpoint method against every spend
// from 0 to 700 minor units (past every breakpoint and most crossings),
// spends near the limit and random huge ones, on thousands of random price
// pairs: no spend has an exact difference beyond the extremes, none before
// the reported spend reaches them, and the charged amounts are the fees'.
func TestDiffFeesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2026))
	pairs := 1000
	if raceEnabled { // ten times slower, and nothing shared to race on
		pairs = 100
	}
	for i := range pairs {
		old, nw := randomFeePrice(r), randomFeePrice(r)
		fd, err := DiffFees(old, nw)
		require.NoError(t, err, "pair %d", i)
		ext, err := feeExtremes(&old, &nw, usdIndex)
		require.NoError(t, err)
		spends := []int64{ext.limit, ext.limit - 1, ext.limit / 2}
		for s := range int64(700) {
			spends = append(spends, s)
		}
		for range 50 {
			spends = append(spends, int64(r.Uint64N(uint64(ext.limit)+1)))
		}
		for _, s := range spends {
			if s < 0 || s > ext.limit {
				continue
			}
			d := exactDiff(&old, &nw, s, usdIndex)
			require.True(t, d.Cmp(ext.min) >= 0 && d.Cmp(ext.max) <= 0, "pair %d spend %d: %v outside [%v, %v]", i, s, d, ext.min, ext.max)
			require.False(t, d.Cmp(ext.min) == 0 && s < ext.minAt, "pair %d: the minimum is reached at %d, before %d", i, s, ext.minAt)
			require.False(t, d.Cmp(ext.max) == 0 && s < ext.maxAt, "pair %d: the maximum is reached at %d, before %d", i, s, ext.maxAt)
		}
		_, err = old.Fee(money.FromMinor(ext.limit, usdIndex))
		require.NoError(t, err)
		if ext.limit < math.MaxInt64 {
			_, e1 := old.Fee(money.FromMinor(ext.limit+1, usdIndex))
			_, e2 := nw.Fee(money.FromMinor(ext.limit+1, usdIndex))
			require.True(t, errors.Is(e1, money.ErrOverflow) || errors.Is(e2, money.ErrOverflow), "pair %d: the limit %d is not the last quotable spend", i, ext.limit)
		}
		want, err := chargedDiff(&old, &nw, fd.MaxSpend)
		require.NoError(t, err)
		assert.Equal(t, want, fd.Max)
	}
}

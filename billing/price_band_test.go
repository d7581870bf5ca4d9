package billing

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestPriceValidateBandError(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	r := money.MustParseRate("5%")
	tests := []struct {
		name  string
		bands []Band
		index int
		field string
		msg   string
	}{
		{"unbounded before the last", []Band{{Unbounded: true, Rate: r}, {Unbounded: true, Rate: r}},
			0, "", "invalid price: band 1: only the last band may be unbounded"},
		{"unbounded with a limit", []Band{{UpTo: usd("10"), Rate: r}, {Unbounded: true, UpTo: usd("20"), Rate: r}},
			1, "upTo", "invalid price: band 2: an unbounded band cannot have a limit (20.00 USD)"},
		{"no limit", []Band{{UpTo: usd("10"), Rate: r}, {Rate: r}, {Unbounded: true, Rate: r}},
			1, "upTo", "invalid price: band 2: no limit; set UpTo, or Unbounded on the last band"},
		{"limit in another currency", []Band{{UpTo: usd("10"), Rate: r}, {UpTo: money.MustParseMoney("20 EUR"), Rate: r}, {Unbounded: true, Rate: r}},
			1, "upTo", "invalid price: band 2: limit 20.00 EUR is not in USD"},
		{"negative first limit", []Band{{UpTo: usd("-1"), Rate: r}, {Unbounded: true, Rate: r}},
			0, "upTo", "invalid price: band 1: limit -1.00 USD is not positive"},
		{"limit below the previous", []Band{{UpTo: usd("200"), Rate: r}, {UpTo: usd("100"), Rate: r}, {Unbounded: true, Rate: r}},
			1, "upTo", "invalid price: band 2: limit 100.00 USD is not above the previous limit 200.00 USD"},
		{"third band out of order", []Band{{UpTo: usd("100"), Rate: r}, {UpTo: usd("200"), Rate: r}, {UpTo: usd("150"), Rate: r}, {Unbounded: true, Rate: r}},
			2, "upTo", "invalid price: band 3: limit 150.00 USD is not above the previous limit 200.00 USD"},
		{"flat amount in another currency", []Band{{UpTo: usd("10"), Rate: r}, {Unbounded: true, Rate: r, Flat: money.MustParseMoney("5 EUR")}},
			1, "flat", "invalid price: band 2: flat amount 5.00 EUR is not in USD"},
		{"negative flat amount", []Band{{UpTo: usd("10"), Rate: r, Flat: usd("-0.01")}, {Unbounded: true, Rate: r}},
			0, "flat", "invalid price: band 1: flat amount -0.01 USD is negative"},
		{"last band bounded", []Band{{UpTo: usd("100"), Rate: r}, {UpTo: usd("200"), Rate: r}},
			1, "upTo", "invalid price: band 2: the last band must be unbounded (spend above 200.00 USD would have no rate)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Price{Currency: "USD", Bands: tt.bands}.Validate()
			require.Error(t, err)
			assert.EqualError(t, err, tt.msg)
			assert.ErrorIs(t, err, ErrInvalidPrice)
			var be *BandError
			require.True(t, errors.As(err, &be), "a *BandError")
			assert.Equal(t, tt.index, be.Index, "index")
			assert.Equal(t, tt.field, be.Field, "field")

			_, err = Price{Currency: "USD", Bands: tt.bands}.Fee(usd("1"))
			assert.True(t, errors.As(err, &be), "Fee reports the same *BandError")
		})
	}

	t.Run("price problems are not band errors", func(t *testing.T) {
		err := Price{Currency: "USD", Minimum: usd("-1")}.Validate()
		require.ErrorIs(t, err, ErrInvalidPrice)
		var be *BandError
		assert.False(t, errors.As(err, &be))
	})
}

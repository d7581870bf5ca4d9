package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

// A catalog writes every pricing model billing knows: the model, a cap
// beside the minimum and a flat amount per band.
func TestCatalogPriceModels(t *testing.T) {
	src := "tiers:\n" +
		"  v:\n    name: V\n    response: {P1: 1h 24x7}\n    price:\n      currency: USD\n      model: volume\n      minimum: \"100\"\n      maximum: \"5000\"\n      bands:\n        - {upTo: \"10000\", rate: 10%}\n        - {rate: 5%, flat: \"200\"}\n" +
		"  g:\n    name: G\n    response: {P1: 1h 24x7}\n    price:\n      currency: USD\n      bands:\n        - {upTo: \"10000\", rate: 10%, flat: \"50\"}\n        - {rate: 5%, flat: \"200\"}\n"
	e, err := Compile("t.yaml", []byte(src))
	require.NoError(t, err)
	tests := []struct {
		tier, spend, want string
	}{
		{"v", "500 USD", "100.00 USD"},      // volume 10% = 50, below the minimum
		{"v", "20000 USD", "1200.00 USD"},   // the whole spend at 5% + the band's flat 200
		{"v", "1000000 USD", "5000.00 USD"}, // 50,200 capped at the maximum
		{"g", "5000 USD", "550.00 USD"},     // 10% of 5,000 + the first band's flat 50
		{"g", "20000 USD", "1750.00 USD"},   // 1,000 + 500 + both flats (50 + 200)
	}
	for _, tc := range tests {
		t.Run(tc.tier+" "+tc.spend, func(t *testing.T) {
			spend, err := money.ParseMoney(tc.spend)
			require.NoError(t, err)
			q, err := e.Quote(tc.tier, spend)
			require.NoError(t, err)
			assert.Equal(t, tc.want, q.Total.String())
		})
	}
	tier, err := e.Tier("v")
	require.NoError(t, err)
	assert.Equal(t, billing.Volume, tier.Price.Model)
}

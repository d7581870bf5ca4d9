package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

func TestQuoteDefaultCatalog(t *testing.T) {
	e := Default()
	tests := []struct {
		name, tier, spend string
		total             string
		minimum           bool
	}{
		// Worked examples of the AWS Business / Enterprise bands
		// (aws.amazon.com/premiumsupport/pricing).
		{"enhanced worked example", "enhanced", "85000 USD", "6150.00 USD", false},
		{"enhanced by alias advanced", "advanced", "85000 USD", "6150.00 USD", false},
		{"premium worked example", "premium", "1200000 USD", "70500.00 USD", false},
		// Standard: 3% of spend, minimum 29.
		{"standard 3%", "standard", "100000 USD", "3000.00 USD", false},
		{"standard minimum", "standard", "500 USD", "29.00 USD", true},
		{"standard zero spend", "standard", "0 USD", "29.00 USD", true},
		// Enhanced bands: 10% to 10K, 7% to 80K, 5% to 250K, 3% above; minimum 100.
		{"enhanced minimum", "enhanced", "500 USD", "100.00 USD", true},
		{"enhanced first band", "enhanced", "10000 USD", "1000.00 USD", false},
		{"enhanced second band", "enhanced", "80000 USD", "5900.00 USD", false},
		{"enhanced third band", "enhanced", "250000 USD", "14400.00 USD", false},
		{"enhanced fourth band", "enhanced", "300000 USD", "15900.00 USD", false},
		{"enhanced cents", "enhanced", "10000.05 USD", "1000.00 USD", false},
		{"enhanced half-even", "enhanced", "10000.50 USD", "1000.04 USD", false},
		// Premium bands: 10% to 150K, 7% to 500K, 5% to 1M, 3% above; minimum 15000.
		{"premium minimum", "premium", "100000 USD", "15000.00 USD", true},
		{"premium first band", "premium", "150000 USD", "15000.00 USD", false},
		{"premium second band", "premium", "500000 USD", "39500.00 USD", false},
		{"premium third band", "premium", "1000000 USD", "64500.00 USD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.Quote(tt.tier, money.MustParseMoney(tt.spend))
			require.NoError(t, err)
			assert.Equal(t, tt.total, q.Total.String())
			assert.Equal(t, tt.minimum, q.MinimumApplied)
			assert.NotEqual(t, "advanced", q.Tier, "an alias is resolved to the tier id")
			assert.Equal(t, money.MustParseMoney(tt.spend), q.Spend)
		})
	}
}

func TestQuoteLines(t *testing.T) {
	type line struct{ spend, rate, amount string }
	tests := []struct {
		name, tier, spend string
		lines             []line
	}{
		{"enhanced at 85000", "enhanced", "85000 USD", []line{
			{"10000.00 USD", "10%", "1000.00 USD"},
			{"70000.00 USD", "7%", "4900.00 USD"},
			{"5000.00 USD", "5%", "250.00 USD"},
			{"0.00 USD", "3%", "0.00 USD"},
		}},
		{"premium at 1200000", "premium", "1200000 USD", []line{
			{"150000.00 USD", "10%", "15000.00 USD"},
			{"350000.00 USD", "7%", "24500.00 USD"},
			{"500000.00 USD", "5%", "25000.00 USD"},
			{"200000.00 USD", "3%", "6000.00 USD"},
		}},
		{"standard at 1000", "standard", "1000 USD", []line{
			{"1000.00 USD", "3%", "30.00 USD"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Default().Quote(tt.tier, money.MustParseMoney(tt.spend))
			require.NoError(t, err)
			require.Len(t, q.Lines, len(tt.lines))
			for i, want := range tt.lines {
				got := q.Lines[i]
				assert.Equal(t, want, line{got.Spend.String(), got.Rate.String(), got.Amount.String()}, "line %d", i)
			}
			assert.True(t, q.Lines[len(q.Lines)-1].Unbounded, "the last band is unbounded")
		})
	}
}

func TestQuoteTierID(t *testing.T) {
	q, err := Default().Quote("advanced", money.MustParseMoney("85000 USD"))
	require.NoError(t, err)
	assert.Equal(t, "enhanced", q.Tier)
}

func TestQuoteErrors(t *testing.T) {
	e := Default()
	tests := []struct {
		name, tier string
		spend      money.Money
		is         error
		msg        string
	}{
		{"unknown tier", "gold", money.MustParseMoney("1 USD"), ErrUnknownTier,
			`unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
		{"legacy tier has no price", "looker-premier", money.MustParseMoney("85000 USD"), ErrNoPrice,
			`no price: tier "looker-premier" has none in the catalog`},
		{"other currency", "enhanced", money.MustParseMoney("85000 EUR"), money.ErrCurrencyMismatch, ""},
		{"negative spend", "enhanced", money.MustParseMoney("-1 USD"), billing.ErrNegativeSpend, ""},
		{"zero money", "enhanced", money.Money{}, money.ErrCurrencyMismatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.Quote(tt.tier, tt.spend)
			require.ErrorIs(t, err, tt.is)
			if tt.msg != "" {
				assert.EqualError(t, err, tt.msg)
			}
			assert.Zero(t, q)
		})
	}
}

func TestQuotePeriod(t *testing.T) {
	e := Default()
	spend := money.MustParseMoney("85000 USD")
	tests := []struct {
		name, tier string
		period     billing.Period
		total      string
		billed     int
	}{
		{"whole month", "enhanced", billing.MonthPeriod(2024, time.June), "6150.00 USD", 30},
		{"started on the 16th", "enhanced", billing.MonthPeriod(2024, time.June).Starting(16), "3075.00 USD", 15},
		// Standard is billed to the month's end when cancelled mid-month.
		{"standard cancelled mid-month", "standard", billing.MonthPeriod(2024, time.June).Ending(10), "2550.00 USD", 30},
		{"standard started mid-month", "standard", billing.MonthPeriod(2024, time.June).Starting(21), "850.00 USD", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := e.QuotePeriod(tt.tier, spend, tt.period)
			require.NoError(t, err)
			assert.Equal(t, tt.total, q.Total.String())
			assert.Equal(t, tt.billed, q.BilledDays)
			assert.Equal(t, tt.tier, q.Tier)
		})
	}
	t.Run("invalid period", func(t *testing.T) {
		_, err := e.QuotePeriod("enhanced", spend, billing.Period{})
		require.ErrorIs(t, err, billing.ErrInvalidPeriod)
	})
	t.Run("no price", func(t *testing.T) {
		_, err := e.QuotePeriod("looker-premier", spend, billing.MonthPeriod(2024, time.June))
		require.ErrorIs(t, err, ErrNoPrice)
	})
	t.Run("unknown tier", func(t *testing.T) {
		_, err := e.QuotePeriod("gold", spend, billing.MonthPeriod(2024, time.June))
		require.ErrorIs(t, err, ErrUnknownTier)
	})
}

package billing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

func TestParseModel(t *testing.T) {
	tests := []struct {
		in   string
		want Model
		msg  string // empty: valid
	}{
		{"graduated", Graduated, ""},
		{"volume", Volume, ""},
		{"Volume", 0, `unknown model "Volume" (want graduated or volume)`},
		{"", 0, `unknown model "" (want graduated or volume)`},
		{"tiered", 0, `unknown model "tiered" (want graduated or volume)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := ParseModel(tt.in)
			if tt.msg != "" {
				assert.EqualError(t, err, tt.msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, m)
			assert.Equal(t, tt.in, m.String(), "String round-trips")
			text, err := m.MarshalText()
			require.NoError(t, err)
			var back Model = 9
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, m, back)
		})
	}

	t.Run("out of range", func(t *testing.T) {
		assert.Equal(t, "Model(7)", Model(7).String())
		_, err := Model(7).MarshalText()
		assert.EqualError(t, err, "unknown model 7")
		m := Volume
		assert.EqualError(t, m.UnmarshalText([]byte("flat")), `unknown model "flat" (want graduated or volume)`)
		assert.Equal(t, Volume, m, "unchanged on error")
	})
}

// The worked examples of the billing engines' documentation, priced by
// percentage bands. Where the source prices units, one unit is encoded as a
// fixed amount of spend and the unit price as the rate on it.
func TestPriceDocumentedExamples(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	rate := money.MustParseRate

	// https://getlago.com/docs/guide/plans/charges/charge-models/graduated-percentage
	// Tiers 0–1,000 at 1% + 200 flat, 1,001–10,000 at 2% + 300 flat, above
	// at 3% + 400 flat. Transactions of 500, 550 and 4,000 within a period
	// cost 205.00, 306.00 and 80.00: the fee at the running total grows by
	// those amounts.
	lagoGraduated := Price{Currency: "USD", Bands: []Band{
		{UpTo: usd("1000"), Rate: rate("1%"), Flat: usd("200")},
		{UpTo: usd("10000"), Rate: rate("2%"), Flat: usd("300")},
		{Unbounded: true, Rate: rate("3%"), Flat: usd("400")},
	}}
	t.Run("lago graduated percentage", func(t *testing.T) {
		var before money.Money = usd("0")
		for _, step := range []struct{ running, charge string }{
			{"500", "205.00 USD"},
			{"1050", "306.00 USD"},
			{"5050", "80.00 USD"},
		} {
			fee, err := lagoGraduated.Fee(usd(step.running))
			require.NoError(t, err)
			charge, err := fee.Sub(before)
			require.NoError(t, err)
			assert.Equal(t, step.charge, charge.String(), "charge at running total %s", step.running)
			before = fee
		}
	})

	// https://getlago.com/docs/guide/plans/charges/charge-models/volume
	// Unit prices 0.0010 (to 10,000 units), 0.0008 (to 50,000), 0.0006 (to
	// 100,000) and 0.0004 above, each tier with a 10 USD fixed fee: 65,000
	// API calls cost 65,000 × 0.0006 + 10 = 49 USD. One call is 1 USD of
	// spend, so 0.0006 USD a call is a rate of 0.06%.
	lagoVolume := Price{Currency: "USD", Model: Volume, Bands: []Band{
		{UpTo: usd("10000"), Rate: rate("0.1%"), Flat: usd("10")},
		{UpTo: usd("50000"), Rate: rate("0.08%"), Flat: usd("10")},
		{UpTo: usd("100000"), Rate: rate("0.06%"), Flat: usd("10")},
		{Unbounded: true, Rate: rate("0.04%"), Flat: usd("10")},
	}}
	t.Run("lago volume", func(t *testing.T) {
		fee, err := lagoVolume.Fee(usd("65000"))
		require.NoError(t, err)
		assert.Equal(t, "49.00 USD", fee.String())
	})

	// https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing
	// Fonts 1–5 at 7 USD, 6–10 at 6.5 USD, 11 and more at 6 USD. Volume:
	// 1 → 7, 5 → 35, 6 → 39, 20 → 120, 25 → 150 USD; graduated: 5 fonts
	// cost the same 35 USD. One font is 100 USD of spend, so 7 USD a font
	// is a rate of 7%.
	stripe := func(m Model) Price {
		return Price{Currency: "USD", Model: m, Bands: []Band{
			{UpTo: usd("500"), Rate: rate("7%")},
			{UpTo: usd("1000"), Rate: rate("6.5%")},
			{Unbounded: true, Rate: rate("6%")},
		}}
	}
	for _, tt := range []struct {
		name  string
		model Model
		fonts string
		total string
	}{
		{"stripe volume 1 font", Volume, "100", "7.00 USD"},
		{"stripe volume 5 fonts", Volume, "500", "35.00 USD"},
		{"stripe volume 6 fonts", Volume, "600", "39.00 USD"},
		{"stripe volume 20 fonts", Volume, "2000", "120.00 USD"},
		{"stripe volume 25 fonts", Volume, "2500", "150.00 USD"},
		{"stripe graduated 5 fonts", Graduated, "500", "35.00 USD"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q, err := stripe(tt.model).Quote(usd(tt.fonts))
			require.NoError(t, err)
			assert.Equal(t, tt.total, q.Total.String())
		})
	}
}

func TestPriceModels(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	rate := money.MustParseRate
	bands := func(flat1, flat2 string) []Band {
		return []Band{
			{UpTo: usd("10000"), Rate: rate("10%"), Flat: usd(flat1)},
			{Unbounded: true, Rate: rate("7%"), Flat: usd(flat2)},
		}
	}
	tests := []struct {
		name    string
		price   Price
		spend   string
		total   string
		banded  string
		minimum bool
		maximum bool
	}{
		{"volume first band", Price{Currency: "USD", Model: Volume, Bands: bands("0", "0")}, "5000", "500.00 USD", "500.00 USD", false, false},
		{"volume at the first limit", Price{Currency: "USD", Model: Volume, Bands: bands("0", "0")}, "10000", "1000.00 USD", "1000.00 USD", false, false},
		{"volume just past the limit is cheaper", Price{Currency: "USD", Model: Volume, Bands: bands("0", "0")}, "10000.01", "700.00 USD", "700.00 USD", false, false},
		{"volume zero spend", Price{Currency: "USD", Model: Volume, Bands: bands("50", "80")}, "0", "0.00 USD", "0.00 USD", false, false},
		{"volume flat of the band applied", Price{Currency: "USD", Model: Volume, Bands: bands("50", "80")}, "20000", "1480.00 USD", "1480.00 USD", false, false},
		{"graduated zero spend enters no band", Price{Currency: "USD", Bands: bands("50", "80")}, "0", "0.00 USD", "0.00 USD", false, false},
		{"graduated first cent enters band 1", Price{Currency: "USD", Bands: bands("50", "80")}, "0.01", "50.00 USD", "50.00 USD", false, false},
		{"graduated at the limit stays in band 1", Price{Currency: "USD", Bands: bands("50", "80")}, "10000", "1050.00 USD", "1050.00 USD", false, false},
		{"graduated past the limit enters band 2", Price{Currency: "USD", Bands: bands("50", "80")}, "10000.01", "1130.00 USD", "1130.00 USD", false, false},
		{"minimum over flat amounts", Price{Currency: "USD", Minimum: usd("100"), Bands: bands("50", "80")}, "100", "100.00 USD", "60.00 USD", true, false},
		{"maximum caps", Price{Currency: "USD", Maximum: usd("5000"), Bands: bands("0", "0")}, "85000", "5000.00 USD", "6250.00 USD", false, true},
		{"maximum not reached", Price{Currency: "USD", Maximum: usd("5000"), Bands: bands("0", "0")}, "50000", "3800.00 USD", "3800.00 USD", false, false},
		{"maximum equal to the banded sum", Price{Currency: "USD", Maximum: usd("1000"), Bands: bands("0", "0")}, "10000", "1000.00 USD", "1000.00 USD", false, false},
		{"minimum equals maximum: a fixed fee", Price{Currency: "USD", Minimum: usd("300"), Maximum: usd("300"), Bands: bands("0", "0")}, "85000", "300.00 USD", "6250.00 USD", false, true},
		{"minimum equals maximum below", Price{Currency: "USD", Minimum: usd("300"), Maximum: usd("300"), Bands: bands("0", "0")}, "1", "300.00 USD", "0.10 USD", true, false},
		{"zero maximum", Price{Currency: "USD", Maximum: usd("0"), Bands: bands("5", "0")}, "85000", "0.00 USD", "6255.00 USD", false, true},
		{"volume with minimum and maximum", Price{Currency: "USD", Model: Volume, Minimum: usd("100"), Maximum: usd("1000"), Bands: bands("0", "0")}, "9000", "900.00 USD", "900.00 USD", false, false},
		{"volume capped", Price{Currency: "USD", Model: Volume, Minimum: usd("100"), Maximum: usd("1000"), Bands: bands("0", "0")}, "20000", "1000.00 USD", "1400.00 USD", false, true},
		{"flat with half-even once", Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: rate("3%"), Flat: usd("0.01")}}}, "0.50", "0.02 USD", "0.02 USD", false, false}, // exact 0.015 + 0.01 = 0.025: half to even
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertQuote(t, tt.price, usd(tt.spend), quoteWant{tt.total, tt.banded, tt.minimum, tt.maximum})
		})
	}
}

// quoteWant is what a test expects of a whole month's quote.
type quoteWant struct {
	total, banded    string
	minimum, maximum bool
}

// assertQuote quotes p at spend, checks the quote against want and the
// properties every whole month's quote has (Fee agrees with it without
// allocating, one line per band, the price's model and bounds), and returns
// it.
func assertQuote(t *testing.T, p Price, spend money.Money, want quoteWant) Quote {
	t.Helper()
	q, err := p.Quote(spend)
	require.NoError(t, err)
	assert.Equal(t, want.total, q.Total.String(), "total")
	assert.Equal(t, want.banded, q.Banded.String(), "banded")
	assert.Equal(t, want.minimum, q.MinimumApplied, "minimum applied")
	assert.Equal(t, want.maximum, q.MaximumApplied, "maximum applied")
	assert.Equal(t, q.Total, q.Monthly)
	assert.Equal(t, spend, q.Spend)
	assert.Equal(t, p.Model, q.Model)
	assert.Equal(t, p.Maximum, q.Maximum)
	assert.False(t, q.Prorated())
	assert.Len(t, q.Lines, len(p.Bands))

	fee, err := p.Fee(spend)
	require.NoError(t, err)
	assert.Equal(t, q.Total, fee, "Fee agrees with Quote")
	assert.Zero(t, testing.AllocsPerRun(10, func() { _, _ = p.Fee(spend) }), "Fee allocations")
	return q
}

func TestQuoteVolumeLines(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	p := Price{Currency: "USD", Model: Volume, Bands: []Band{
		{UpTo: usd("10000"), Rate: money.MustParseRate("10%"), Flat: usd("50")},
		{UpTo: usd("80000"), Rate: money.MustParseRate("7%"), Flat: usd("80")},
		{Unbounded: true, Rate: money.MustParseRate("5%"), Flat: usd("100")},
	}}
	q, err := p.Quote(usd("20000"))
	require.NoError(t, err)
	want := []Line{
		{From: usd("0"), UpTo: usd("10000"), Spend: usd("0"), Rate: money.MustParseRate("10%"), Flat: usd("0"), Amount: usd("0")},
		{From: usd("10000"), UpTo: usd("80000"), Spend: usd("20000"), Rate: money.MustParseRate("7%"), Flat: usd("80"), Amount: usd("1480")},
		{From: usd("80000"), Unbounded: true, Spend: usd("0"), Rate: money.MustParseRate("5%"), Flat: usd("0"), Amount: usd("0")},
	}
	assert.Equal(t, want, q.Lines)
	assert.Equal(t, "1480.00 USD", q.Total.String())

	p.Model = Graduated
	q, err = p.Quote(usd("20000"))
	require.NoError(t, err)
	want = []Line{
		{From: usd("0"), UpTo: usd("10000"), Spend: usd("10000"), Rate: money.MustParseRate("10%"), Flat: usd("50"), Amount: usd("1050")},
		{From: usd("10000"), UpTo: usd("80000"), Spend: usd("10000"), Rate: money.MustParseRate("7%"), Flat: usd("80"), Amount: usd("780")},
		{From: usd("80000"), Unbounded: true, Spend: usd("0"), Rate: money.MustParseRate("5%"), Flat: usd("0"), Amount: usd("0")},
	}
	assert.Equal(t, want, q.Lines)
	assert.Equal(t, "1830.00 USD", q.Total.String())
}

func TestQuotePeriodMaximum(t *testing.T) {
	p := Price{
		Currency:  "USD",
		Minimum:   money.MustParseMoney("100 USD"),
		Maximum:   money.MustParseMoney("2900 USD"),
		Bands:     []Band{{Unbounded: true, Rate: money.MustParseRate("10%")}},
		Proration: ProrateByDays,
	}
	// 10 of 29 days of February 2024 at the cap: 2900 × 10 / 29 = 1000.
	q, err := p.QuotePeriod(money.MustParseMoney("85000 USD"), MonthPeriod(2024, time.February).Starting(20))
	require.NoError(t, err)
	assert.True(t, q.MaximumApplied)
	assert.Equal(t, "2900.00 USD", q.Monthly.String())
	assert.Equal(t, "1000.00 USD", q.Total.String())
	fee, err := p.FeePeriod(money.MustParseMoney("85000 USD"), MonthPeriod(2024, time.February).Starting(20))
	require.NoError(t, err)
	assert.Equal(t, q.Total, fee)
}

func TestPriceFlatOverflow(t *testing.T) {
	huge := money.FromMinor(1<<62, usdID)
	tests := []struct {
		name  string
		price Price
		spend money.Money
		msg   string
	}{
		{"one band", Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("100%"), Flat: huge}}},
			money.FromMinor(1<<62, usdID),
			"money overflow: band 1: 100% at 46116860184273879.04 USD plus the flat amount 46116860184273879.04 USD does not fit in 64-bit minor units"},
		{"the sum of bands", Price{Currency: "USD", Bands: []Band{{UpTo: money.FromMinor(1, usdID), Rate: money.MustParseRate("1%"), Flat: huge}, {Unbounded: true, Rate: money.MustParseRate("1%"), Flat: huge}}},
			money.FromMinor(2, usdID),
			"money overflow: the banded sum at 0.02 USD does not fit in 64-bit minor units"},
		{"even under a cap", Price{Currency: "USD", Maximum: money.FromMinor(100, usdID), Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("100%"), Flat: huge}}},
			money.FromMinor(1<<62, usdID),
			"money overflow: band 1: 100% at 46116860184273879.04 USD plus the flat amount 46116860184273879.04 USD does not fit in 64-bit minor units"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NoError(t, tt.price.Validate())
			q, err := tt.price.Quote(tt.spend)
			assert.ErrorIs(t, err, money.ErrOverflow)
			assert.EqualError(t, err, tt.msg)
			assert.Nil(t, q.Lines)
			fee, err := tt.price.Fee(tt.spend)
			assert.ErrorIs(t, err, money.ErrOverflow, "Fee fails like Quote")
			assert.Equal(t, money.Money{}, fee)
		})
	}

	t.Run("just fits", func(t *testing.T) {
		// MaxInt64 - 1 minor units of flat amount plus 1 at 100%: exactly MaxInt64.
		p := Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("100%"), Flat: money.FromMinor(1<<63-2, usdID)}}}
		fee, err := p.Fee(money.FromMinor(1, usdID))
		require.NoError(t, err)
		assert.Equal(t, int64(1<<63-1), fee.Minor())
		q, err := p.Quote(money.FromMinor(1, usdID))
		require.NoError(t, err)
		assert.Equal(t, fee, q.Total)
		assert.Equal(t, fee, q.Lines[0].Amount)
	})
}

// BenchmarkFeeModels prices 85,000 USD with the Enhanced bands under each
// model, with and without flat amounts and a maximum.
func BenchmarkFeeModels(b *testing.B) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	flat := func(p Price) Price {
		p.Bands = append([]Band(nil), p.Bands...)
		for i := range p.Bands {
			p.Bands[i].Flat = usd("50")
		}
		return p
	}
	volume := enhanced
	volume.Model = Volume
	capped := enhanced
	capped.Maximum = usd("5000")
	for _, bm := range []struct {
		name  string
		price Price
	}{
		{"graduated", enhanced},
		{"volume", volume},
		{"graduated-flat", flat(enhanced)},
		{"volume-flat", flat(volume)},
		{"maximum", capped},
	} {
		b.Run(bm.name, func(b *testing.B) {
			spend := usd("85000")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bm.price.Fee(spend); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

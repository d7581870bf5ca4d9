package billing

import (
	"fmt"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

// The prices of the default catalog, from cloud.google.com/support (tier
// comparison and pricing) and, for the band shape, the AWS Business and
// Enterprise bands of aws.amazon.com/premiumsupport/pricing.
var (
	standard = Price{
		Currency:  "USD",
		Minimum:   money.MustParseMoney("29 USD"),
		Bands:     []Band{{Unbounded: true, Rate: money.MustParseRate("3%")}},
		Proration: BillToMonthEnd,
	}
	enhanced = Price{
		Currency: "USD",
		Minimum:  money.MustParseMoney("100 USD"),
		Bands: []Band{
			{UpTo: money.MustParseMoney("10000 USD"), Rate: money.MustParseRate("10%")},
			{UpTo: money.MustParseMoney("80000 USD"), Rate: money.MustParseRate("7%")},
			{UpTo: money.MustParseMoney("250000 USD"), Rate: money.MustParseRate("5%")},
			{Unbounded: true, Rate: money.MustParseRate("3%")},
		},
	}
	premium = Price{
		Currency: "USD",
		Minimum:  money.MustParseMoney("15000 USD"),
		Bands: []Band{
			{UpTo: money.MustParseMoney("150000 USD"), Rate: money.MustParseRate("10%")},
			{UpTo: money.MustParseMoney("500000 USD"), Rate: money.MustParseRate("7%")},
			{UpTo: money.MustParseMoney("1000000 USD"), Rate: money.MustParseRate("5%")},
			{Unbounded: true, Rate: money.MustParseRate("3%")},
		},
	}
)

func TestQuoteTiers(t *testing.T) {
	tests := []struct {
		name    string
		price   Price
		spend   string
		total   string
		banded  string
		minimum bool
	}{
		// Standard: minimum 29, 3% of spend.
		{"standard no spend", standard, "0 USD", "29.00 USD", "0.00 USD", true},
		{"standard small", standard, "500 USD", "29.00 USD", "15.00 USD", true},
		{"standard just below minimum", standard, "966.66 USD", "29.00 USD", "29.00 USD", true},
		{"standard just above minimum", standard, "966.67 USD", "29.00 USD", "29.00 USD", false},
		{"standard 1000", standard, "1000 USD", "30.00 USD", "30.00 USD", false},
		{"standard million", standard, "1000000 USD", "30000.00 USD", "30000.00 USD", false},

		// Enhanced: the worked example and every band edge.
		{"enhanced worked example", enhanced, "85000 USD", "6150.00 USD", "6150.00 USD", false},
		{"enhanced below minimum", enhanced, "500 USD", "100.00 USD", "50.00 USD", true},
		{"enhanced equal to minimum", enhanced, "1000 USD", "100.00 USD", "100.00 USD", false},
		{"enhanced first edge", enhanced, "10000 USD", "1000.00 USD", "1000.00 USD", false},
		{"enhanced past first edge", enhanced, "10000.01 USD", "1000.00 USD", "1000.00 USD", false},
		{"enhanced second edge", enhanced, "80000 USD", "5900.00 USD", "5900.00 USD", false},
		{"enhanced third edge", enhanced, "250000 USD", "14400.00 USD", "14400.00 USD", false},
		{"enhanced past third edge", enhanced, "250100 USD", "14403.00 USD", "14403.00 USD", false},
		{"enhanced million", enhanced, "1000000 USD", "36900.00 USD", "36900.00 USD", false},

		// Premium: the worked example and every band edge.
		{"premium worked example", premium, "1200000 USD", "70500.00 USD", "70500.00 USD", false},
		{"premium no spend", premium, "0 USD", "15000.00 USD", "0.00 USD", true},
		{"premium below minimum", premium, "100000 USD", "15000.00 USD", "10000.00 USD", true},
		{"premium first edge", premium, "150000 USD", "15000.00 USD", "15000.00 USD", false},
		{"premium second edge", premium, "500000 USD", "39500.00 USD", "39500.00 USD", false},
		{"premium third edge", premium, "1000000 USD", "64500.00 USD", "64500.00 USD", false},
		{"premium cents", premium, "1000000.50 USD", "64500.02 USD", "64500.02 USD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spend := money.MustParseMoney(tt.spend)
			q := assertQuote(t, tt.price, spend, quoteWant{tt.total, tt.banded, tt.minimum, false})
			assert.Equal(t, tt.price.Minimum, q.Minimum)

			var sum int64
			for _, l := range q.Lines {
				sum += l.Spend.Minor()
			}
			assert.Equal(t, spend.Minor(), sum, "lines cover the spend")
		})
	}
}

func TestQuoteLines(t *testing.T) {
	q, err := enhanced.Quote(money.MustParseMoney("85000 USD"))
	require.NoError(t, err)
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	want := []Line{
		{From: usd("0"), UpTo: usd("10000"), Spend: usd("10000"), Rate: money.MustParseRate("10%"), Flat: usd("0"), Amount: usd("1000")},
		{From: usd("10000"), UpTo: usd("80000"), Spend: usd("70000"), Rate: money.MustParseRate("7%"), Flat: usd("0"), Amount: usd("4900")},
		{From: usd("80000"), UpTo: usd("250000"), Spend: usd("5000"), Rate: money.MustParseRate("5%"), Flat: usd("0"), Amount: usd("250")},
		{From: usd("250000"), Unbounded: true, Spend: usd("0"), Rate: money.MustParseRate("3%"), Flat: usd("0"), Amount: usd("0")},
	}
	assert.Equal(t, want, q.Lines)
}

func TestQuoteRounding(t *testing.T) {
	flat := func(rate string) Price {
		return Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate(rate)}}}
	}
	tests := []struct {
		name  string
		price Price
		spend string
		total string
	}{
		{"half rounds to even up", flat("3%"), "0.50 USD", "0.02 USD"},   // 0.015
		{"half rounds to even down", flat("3%"), "1.50 USD", "0.04 USD"}, // 0.045
		{"below half", flat("3%"), "0.16 USD", "0.00 USD"},               // 0.0048
		{"above half", flat("3%"), "0.17 USD", "0.01 USD"},               // 0.0051
		{"tiny rate", flat("0.000001%"), "92233720368547758.07 USD", "922337203.69 USD"},
		{"full rate", flat("100%"), "92233720368547758.07 USD", "92233720368547758.07 USD"},
		{"JPY half even", Price{Currency: "JPY", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("5%")}}}, "10 JPY", "0 JPY"},
		{"JPY half odd", Price{Currency: "JPY", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("5%")}}}, "30 JPY", "2 JPY"},
		{"BHD", Price{Currency: "BHD", Bands: []Band{{Unbounded: true, Rate: money.MustParseRate("7%")}}}, "1.005 BHD", "0.070 BHD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.price.Quote(money.MustParseMoney(tt.spend))
			require.NoError(t, err)
			assert.Equal(t, tt.total, q.Total.String())
		})
	}

	t.Run("lines rounded apart from the total", func(t *testing.T) {
		p := Price{Currency: "USD", Bands: []Band{
			{UpTo: money.MustParseMoney("0.05 USD"), Rate: money.MustParseRate("10%")},
			{Unbounded: true, Rate: money.MustParseRate("10%")},
		}}
		q, err := p.Quote(money.MustParseMoney("0.10 USD"))
		require.NoError(t, err)
		// Each line is 0.005, rounded half-even to 0.00; the exact sum 0.01 is the total.
		assert.Equal(t, "0.00 USD", q.Lines[0].Amount.String())
		assert.Equal(t, "0.00 USD", q.Lines[1].Amount.String())
		assert.Equal(t, "0.01 USD", q.Total.String())
		assert.Equal(t, "0.01 USD", q.Banded.String())
	})
}

func TestQuoteJPY(t *testing.T) {
	p := Price{
		Currency: "JPY",
		Minimum:  money.MustParseMoney("1000 JPY"),
		Bands: []Band{
			{UpTo: money.MustParseMoney("100,000 JPY"), Rate: money.MustParseRate("10%")},
			{Unbounded: true, Rate: money.MustParseRate("5%")},
		},
	}
	q, err := p.Quote(money.MustParseMoney("123456 JPY"))
	require.NoError(t, err)
	assert.Equal(t, "11173 JPY", q.Total.String()) // 10000 + 1172.8
	assert.Equal(t, "1173 JPY", q.Lines[1].Amount.String())

	q, err = p.Quote(money.MustParseMoney("5000 JPY"))
	require.NoError(t, err)
	assert.Equal(t, "1000 JPY", q.Total.String())
	assert.True(t, q.MinimumApplied)
}

func TestQuoteFlatFee(t *testing.T) {
	p := Price{Currency: "EUR", Minimum: money.MustParseMoney("250 EUR")}
	q, err := p.Quote(money.MustParseMoney("1000000 EUR"))
	require.NoError(t, err)
	assert.Equal(t, "250.00 EUR", q.Total.String())
	assert.True(t, q.MinimumApplied)
	assert.Empty(t, q.Lines)

	free := Price{Currency: "EUR"}
	q, err = free.Quote(money.MustParseMoney("10 EUR"))
	require.NoError(t, err)
	assert.Equal(t, "0.00 EUR", q.Total.String())
	assert.Equal(t, "0.00 EUR", q.Minimum.String())
	assert.False(t, q.MinimumApplied)
}

func TestQuoteErrors(t *testing.T) {
	tests := []struct {
		name  string
		price Price
		spend money.Money
		want  error
		msg   string
	}{
		{"mixed currency", enhanced, money.MustParseMoney("85000 EUR"), money.ErrCurrencyMismatch, "spend 85000.00 EUR: currency mismatch: EUR and USD"},
		{"zero spend value", enhanced, money.Money{}, money.ErrCurrencyMismatch, "spend 0: currency mismatch: no currency and USD"},
		{"negative spend", enhanced, money.MustParseMoney("-0.01 USD"), ErrNegativeSpend, "negative spend: -0.01 USD"},
		{"invalid price", Price{}, money.MustParseMoney("1 USD"), ErrInvalidPrice, "invalid price: no currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := tt.price.Quote(tt.spend)
			assert.ErrorIs(t, err, tt.want)
			assert.EqualError(t, err, tt.msg)
			assert.Zero(t, q.Total)
			assert.Nil(t, q.Lines)

			fee, err := tt.price.Fee(tt.spend)
			assert.ErrorIs(t, err, tt.want)
			assert.Equal(t, money.Money{}, fee)
		})
	}
}

func TestPriceValidate(t *testing.T) {
	usd := func(s string) money.Money { return money.MustParseMoney(s + " USD") }
	r := money.MustParseRate("5%")
	tests := []struct {
		name  string
		price Price
		msg   string // empty: valid
	}{
		{"standard", standard, ""},
		{"enhanced", enhanced, ""},
		{"premium", premium, ""},
		{"flat", Price{Currency: "USD", Minimum: usd("10")}, ""},
		{"no minimum", Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: r}}}, ""},
		{"zero price", Price{}, "invalid price: no currency"},
		{"unknown currency", Price{Currency: "XYZ"}, `invalid price: unknown currency "XYZ" (want an ISO 4217 code such as USD, EUR or JPY)`},
		{"minimum currency", Price{Currency: "USD", Minimum: money.MustParseMoney("1 EUR")}, "invalid price: minimum 1.00 EUR is not in USD"},
		{"negative minimum", Price{Currency: "USD", Minimum: usd("-1")}, "invalid price: minimum -1.00 USD is negative"},
		{"band currency", Price{Currency: "USD", Bands: []Band{{UpTo: money.MustParseMoney("10 EUR"), Rate: r}, {Unbounded: true, Rate: r}}},
			"invalid price: band 1: limit 10.00 EUR is not in USD"},
		{"band without limit", Price{Currency: "USD", Bands: []Band{{Rate: r}}},
			"invalid price: band 1: no limit; set UpTo, or Unbounded on the last band"},
		{"zero limit", Price{Currency: "USD", Bands: []Band{{UpTo: usd("0"), Rate: r}, {Unbounded: true, Rate: r}}},
			"invalid price: band 1: limit 0.00 USD is not positive"},
		{"descending", Price{Currency: "USD", Bands: []Band{{UpTo: usd("20"), Rate: r}, {UpTo: usd("10"), Rate: r}, {Unbounded: true, Rate: r}}},
			"invalid price: band 2: limit 10.00 USD is not above the previous limit 20.00 USD"},
		{"equal limits", Price{Currency: "USD", Bands: []Band{{UpTo: usd("10"), Rate: r}, {UpTo: usd("10"), Rate: r}, {Unbounded: true, Rate: r}}},
			"invalid price: band 2: limit 10.00 USD is not above the previous limit 10.00 USD"},
		{"unbounded first", Price{Currency: "USD", Bands: []Band{{Unbounded: true, Rate: r}, {UpTo: usd("10"), Rate: r}}},
			"invalid price: band 1: only the last band may be unbounded"},
		{"unbounded with limit", Price{Currency: "USD", Bands: []Band{{Unbounded: true, UpTo: usd("10"), Rate: r}}},
			"invalid price: band 1: an unbounded band cannot have a limit (10.00 USD)"},
		{"last bounded", Price{Currency: "USD", Bands: []Band{{UpTo: usd("10"), Rate: r}}},
			"invalid price: band 1: the last band must be unbounded (spend above 10.00 USD would have no rate)"},
		{"bad proration", Price{Currency: "USD", Proration: 9}, "invalid price: unknown proration 9"},
		{"volume", Price{Currency: "USD", Model: Volume, Bands: []Band{{Unbounded: true, Rate: r}}}, ""},
		{"flat amounts", Price{Currency: "USD", Bands: []Band{{UpTo: usd("10"), Rate: r, Flat: usd("1")}, {Unbounded: true, Rate: r, Flat: usd("0")}}}, ""},
		{"maximum without minimum", Price{Currency: "USD", Maximum: usd("10")}, ""},
		{"maximum equal to minimum", Price{Currency: "USD", Minimum: usd("10"), Maximum: usd("10")}, ""},
		{"zero maximum", Price{Currency: "USD", Maximum: usd("0")}, ""},
		{"unknown model", Price{Currency: "USD", Model: 2}, "invalid price: unknown model 2"},
		{"maximum currency", Price{Currency: "USD", Maximum: money.MustParseMoney("10 EUR")}, "invalid price: maximum 10.00 EUR is not in USD"},
		{"negative maximum", Price{Currency: "USD", Maximum: usd("-10")}, "invalid price: maximum -10.00 USD is negative"},
		{"maximum below minimum", Price{Currency: "USD", Minimum: usd("100"), Maximum: usd("99.99")},
			"invalid price: maximum 99.99 USD is below the minimum 100.00 USD"},
		{"zero maximum below minimum", Price{Currency: "USD", Minimum: usd("1"), Maximum: usd("0")},
			"invalid price: maximum 0.00 USD is below the minimum 1.00 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.price.Validate()
			if tt.msg == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, ErrInvalidPrice)
			assert.EqualError(t, err, tt.msg)
		})
	}
}

func TestQuoteAllocs(t *testing.T) {
	spend := money.MustParseMoney("85000 USD")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = enhanced.Fee(spend) }), "Fee")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() { _, _ = enhanced.Quote(spend) }), 1.0, "Quote")
}

// usdID is the currency of amounts built from fuzz input.
var usdID = func() money.CurrencyID {
	id, err := money.LookupCurrency("USD")
	if err != nil {
		panic(err)
	}
	return id
}()

// microRate returns the rate of u millionths of a percent, taken modulo
// 100% so that any fuzz input gives a rate.
func microRate(u int64) money.Rate {
	r, err := money.NewRate(u % (money.RateScale + 1))
	if err != nil {
		panic(err)
	}
	return r
}

// fuzzPrice builds a price from fuzz input: one of the default tiers, or a
// price of its own (possibly invalid).
func fuzzPrice(tier uint8, min, l1, l2 int64, r1, r2, r3 uint32) Price {
	switch tier % 4 {
	case 0:
		return standard
	case 1:
		return enhanced
	case 2:
		return premium
	}
	return Price{
		Currency: "USD",
		Minimum:  money.FromMinor(min, usdID),
		Bands: []Band{
			{UpTo: money.FromMinor(l1, usdID), Rate: microRate(int64(r1))},
			{UpTo: money.FromMinor(l2, usdID), Rate: microRate(int64(r2))},
			{Unbounded: true, Rate: microRate(int64(r3))},
		},
	}
}

func FuzzQuote(f *testing.F) {
	f.Add(int64(8500000), int64(120000000), uint8(1), int64(0), int64(0), int64(0), uint32(0), uint32(0), uint32(0))
	f.Add(int64(120000000), int64(120000001), uint8(2), int64(0), int64(0), int64(0), uint32(0), uint32(0), uint32(0))
	f.Add(int64(0), int64(96667), uint8(0), int64(0), int64(0), int64(0), uint32(0), uint32(0), uint32(0))
	f.Add(int64(1), int64(math.MaxInt64), uint8(3), int64(10000), int64(1000000), int64(8000000), uint32(10_000_000), uint32(7_000_000), uint32(100_000_000))
	f.Add(int64(-1), int64(5), uint8(3), int64(-1), int64(5), int64(5), uint32(200_000_000), uint32(0), uint32(0))
	f.Fuzz(func(t *testing.T, a, b int64, tier uint8, min, l1, l2 int64, r1, r2, r3 uint32) {
		p := fuzzPrice(tier, min, l1, l2, r1, r2, r3)
		qa, errA := p.Quote(money.FromMinor(a, usdID))
		qb, errB := p.Quote(money.FromMinor(b, usdID))
		if p.Validate() != nil {
			if errA == nil || errB == nil {
				t.Fatalf("invalid price %+v quoted without error", p)
			}
			return
		}
		if (a < 0) != (errA != nil) || (b < 0) != (errB != nil) {
			t.Fatalf("spends %d, %d: errors %v, %v", a, b, errA, errB)
		}
		if errA != nil || errB != nil {
			return
		}
		for _, q := range []Quote{qa, qb} {
			fee, err := p.Fee(q.Spend)
			if err != nil || fee != q.Total {
				t.Fatalf("Fee(%v) = %v, %v; Quote total %v", q.Spend, fee, err, q.Total)
			}
			if q.Total.Minor() < p.Minimum.Minor() {
				t.Fatalf("spend %v: total %v below the minimum %v", q.Spend, q.Total, p.Minimum)
			}
			want := max(q.Minimum.Minor(), q.Banded.Minor())
			if q.Total.Minor() != want {
				t.Fatalf("spend %v: total %v != max(minimum %v, banded %v)", q.Spend, q.Total, q.Minimum, q.Banded)
			}
			if q.MinimumApplied && q.Total != q.Minimum {
				t.Fatalf("spend %v: minimum applied but total %v", q.Spend, q.Total)
			}
			if !q.MinimumApplied && q.Total.Minor() > q.Spend.Minor() {
				t.Fatalf("spend %v: fee %v above the spend", q.Spend, q.Total)
			}
			var in int64
			for _, l := range q.Lines {
				in += l.Spend.Minor()
			}
			if in != q.Spend.Minor() {
				t.Fatalf("spend %v: lines cover %d", q.Spend, in)
			}
		}
		period := MonthPeriod(2024, time.February).Starting(1 + int(uint64(a)%29))
		qp, err := p.QuotePeriod(qa.Spend, period)
		if err != nil || qp.Total.Minor() > qa.Total.Minor() || qp.Total.Minor() < 0 || qp.Monthly != qa.Total {
			t.Fatalf("spend %v over %v: %v, %v; whole month %v", qa.Spend, period, qp.Total, err, qa.Total)
		}
		if (a <= b) && qa.Total.Minor() > qb.Total.Minor() || (b <= a) && qb.Total.Minor() > qa.Total.Minor() {
			t.Fatalf("fee decreased: %v -> %v, %v -> %v", qa.Spend, qa.Total, qb.Spend, qb.Total)
		}
	})
}

func BenchmarkQuote(b *testing.B) {
	spend := money.MustParseMoney("85000 USD")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := enhanced.Quote(spend); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFee(b *testing.B) {
	spend := money.MustParseMoney("85000 USD")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := enhanced.Fee(spend); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuoteMillion prices a million contracts with varied spends and
// tiers per iteration.
func BenchmarkQuoteMillion(b *testing.B) {
	const contracts = 1_000_000
	prices := [...]Price{standard, enhanced, premium}
	run := func(b *testing.B, price func(Price, money.Money) (money.Money, error)) {
		b.ReportAllocs()
		var total int64
		for b.Loop() {
			x := uint64(0x9E3779B97F4A7C15)
			for i := range contracts {
				x ^= x << 13
				x ^= x >> 7
				x ^= x << 17
				spend := money.FromMinor(int64(x%500_000_000), usdID) // up to 5M USD
				fee, err := price(prices[i%len(prices)], spend)
				if err != nil {
					b.Fatal(err)
				}
				total += fee.Minor()
			}
		}
		if total == 0 {
			b.Fatal("no fees")
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/contracts, "ns/contract")
	}
	b.Run("Quote", func(b *testing.B) {
		run(b, func(p Price, s money.Money) (money.Money, error) {
			q, err := p.Quote(s)
			return q.Total, err
		})
	})
	b.Run("Fee", func(b *testing.B) { run(b, Price.Fee) })
}

func ExamplePrice_Quote() {
	enhanced := Price{
		Currency: "USD",
		Minimum:  money.MustParseMoney("100 USD"),
		Bands: []Band{
			{UpTo: money.MustParseMoney("10,000 USD"), Rate: money.MustParseRate("10%")},
			{UpTo: money.MustParseMoney("80,000 USD"), Rate: money.MustParseRate("7%")},
			{UpTo: money.MustParseMoney("250,000 USD"), Rate: money.MustParseRate("5%")},
			{Unbounded: true, Rate: money.MustParseRate("3%")},
		},
	}
	q, err := enhanced.Quote(money.MustParseMoney("85,000 USD"))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, l := range q.Lines {
		upTo := l.UpTo.String()
		if l.Unbounded {
			upTo = "and above"
		}
		fmt.Printf("%-4s of %s to %s: %s on %s\n", l.Rate, l.From, upTo, l.Amount, l.Spend)
	}
	fmt.Println("total:", q.Total, "minimum applied:", q.MinimumApplied)

	q, _ = enhanced.Quote(money.MustParseMoney("500 USD"))
	fmt.Println("total:", q.Total, "minimum applied:", q.MinimumApplied)
	// Output:
	// 10%  of 0.00 USD to 10000.00 USD: 1000.00 USD on 10000.00 USD
	// 7%   of 10000.00 USD to 80000.00 USD: 4900.00 USD on 70000.00 USD
	// 5%   of 80000.00 USD to 250000.00 USD: 250.00 USD on 5000.00 USD
	// 3%   of 250000.00 USD to and above: 0.00 USD on 0.00 USD
	// total: 6150.00 USD minimum applied: false
	// total: 100.00 USD minimum applied: true
}

func TestQuoteConcurrent(t *testing.T) {
	want, err := premium.Quote(money.MustParseMoney("1200000 USD"))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				q, err := premium.Quote(money.MustParseMoney("1200000 USD"))
				if assert.NoError(t, err) {
					assert.Equal(t, want.Total, q.Total)
				}
			}
		})
	}
	wg.Wait()
}

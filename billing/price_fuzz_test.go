package billing

import (
	"math"
	"math/big"
	"testing"

	"github.com/tiercel/tiercel/money"
)

// modelPrice builds a valid price of any model from fuzz input: three bands
// with ascending limits, rates between 0% and 100%, flat amounts below
// 10 million USD, and a minimum and a maximum (at or above it) when the
// input asks for them.
func modelPrice(model uint8, min, max int64, l1, l2 uint64, r1, r2, r3 uint32, f1, f2, f3 uint32) Price {
	usd := usdID
	m := func(minor int64) money.Money { return money.FromMinor(minor, usd) }
	rate := func(r uint32) money.Rate { return microRate(int64(r)) }
	limit1 := 1 + int64(l1%1e12)
	limit2 := limit1 + 1 + int64(l2%1e12)
	p := Price{
		Currency: "USD",
		Model:    Model(model % 2),
		Bands: []Band{
			{UpTo: m(limit1), Rate: rate(r1), Flat: m(int64(f1 % 1e9))},
			{UpTo: m(limit2), Rate: rate(r2), Flat: m(int64(f2 % 1e9))},
			{Unbounded: true, Rate: rate(r3), Flat: m(int64(f3 % 1e9))},
		},
	}
	if min >= 0 {
		p.Minimum = m(min % 1e12)
	}
	if max >= 0 {
		p.Maximum = m(p.Minimum.Minor() + max%1e12)
	}
	return p
}

// oracleFee computes the fee of p at spend with math/big, apart from the
// package's 128-bit arithmetic: each band's share of the spend times its
// rate plus its flat amount when the spend enters it, raised to the
// minimum, capped at the maximum, rounded half-even.
func oracleFee(p Price, spend int64) int64 {
	sum := new(big.Int)
	from := int64(0)
	for _, b := range p.Bands {
		upTo := int64(math.MaxInt64)
		if !b.Unbounded {
			upTo = b.UpTo.Minor()
		}
		var in int64
		switch {
		case p.Model == Graduated:
			in = max(0, min(spend, upTo)-from)
		case spend > from && spend <= upTo:
			in = spend
		}
		if in > 0 {
			sum.Add(sum, new(big.Int).Mul(big.NewInt(in), big.NewInt(b.Rate.MicroPercent())))
			sum.Add(sum, new(big.Int).Mul(big.NewInt(b.Flat.Minor()), big.NewInt(money.RateScale)))
		}
		from = upTo
	}
	scale := big.NewInt(money.RateScale)
	if lo := new(big.Int).Mul(big.NewInt(p.Minimum.Minor()), scale); sum.Cmp(lo) < 0 {
		sum = lo
	}
	if p.Maximum != (money.Money{}) {
		if hi := new(big.Int).Mul(big.NewInt(p.Maximum.Minor()), scale); sum.Cmp(hi) > 0 {
			sum = hi
		}
	}
	q, r := new(big.Int).DivMod(sum, scale, new(big.Int))
	switch r.Lsh(r, 1).Cmp(scale) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q.Int64()
}

// FuzzPriceModels prices random valid prices of every model at two spends:
// the fee is never below the minimum nor above the maximum, Fee agrees with
// Quote and with a math/big oracle, the lines account for the spend, and a
// graduated fee never decreases as the spend grows.
func FuzzPriceModels(f *testing.F) {
	f.Add(uint8(0), int64(10000), int64(-1), uint64(999999), uint64(6999999), uint32(10_000_000), uint32(7_000_000), uint32(3_000_000), uint32(0), uint32(0), uint32(0), uint64(8500000), uint64(120000000))
	f.Add(uint8(1), int64(-1), int64(500000), uint64(999999), uint64(6999999), uint32(10_000_000), uint32(7_000_000), uint32(3_000_000), uint32(5000), uint32(8000), uint32(10000), uint64(1000000), uint64(1000001))
	f.Add(uint8(0), int64(0), int64(0), uint64(0), uint64(0), uint32(100_000_000), uint32(100_000_000), uint32(100_000_000), uint32(999_999_999), uint32(1), uint32(2), uint64(0), uint64(1))
	f.Add(uint8(1), int64(300), int64(0), uint64(100), uint64(100), uint32(0), uint32(1), uint32(2), uint32(0), uint32(0), uint32(0), uint64(1<<62-1), uint64(202))
	f.Fuzz(func(t *testing.T, model uint8, min, max int64, l1, l2 uint64, r1, r2, r3, f1, f2, f3 uint32, a, b uint64) {
		p := modelPrice(model, min, max, l1, l2, r1, r2, r3, f1, f2, f3)
		if err := p.Validate(); err != nil {
			t.Fatalf("built an invalid price %+v: %v", p, err)
		}
		usd := usdID
		var fees [2]int64
		for i, s := range [2]uint64{a, b} {
			spend := money.FromMinor(int64(s%(1<<62)), usd)
			q, err := p.Quote(spend)
			if err != nil {
				t.Fatalf("%v at %v: %v", p, spend, err)
			}
			fee, err := p.Fee(spend)
			if err != nil || fee != q.Total {
				t.Fatalf("%+v at %v: Fee %v, %v; Quote total %v", p, spend, fee, err, q.Total)
			}
			if want := oracleFee(p, spend.Minor()); fee.Minor() != want {
				t.Fatalf("%+v at %v: fee %v, want %d minor units", p, spend, fee, want)
			}
			if fee.Minor() < p.Minimum.Minor() {
				t.Fatalf("%+v at %v: fee %v below the minimum", p, spend, fee)
			}
			if p.Maximum != (money.Money{}) && fee.Minor() > p.Maximum.Minor() {
				t.Fatalf("%+v at %v: fee %v above the maximum", p, spend, fee)
			}
			var in, priced int64
			for _, l := range q.Lines {
				in += l.Spend.Minor()
				if l.Spend.Minor() > 0 {
					priced++
				}
			}
			if p.Model == Volume && spend.Minor() > 0 && (priced != 1 || in != spend.Minor()) ||
				p.Model == Graduated && in != spend.Minor() {
				t.Fatalf("%+v at %v: lines %+v", p, spend, q.Lines)
			}
			fees[i] = fee.Minor()
		}
		if p.Model == Graduated && (a%(1<<62) <= b%(1<<62)) != (fees[0] <= fees[1]) && fees[0] != fees[1] {
			t.Fatalf("%+v: graduated fee decreased: %d at %d, %d at %d", p, fees[0], a%(1<<62), fees[1], b%(1<<62))
		}
	})
}

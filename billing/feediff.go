package billing

import (
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/tiercel/tiercel/money"
)

// FeeDifference is how the monthly fee ([Price.Fee]) changes from one
// price to another as a function of the spend, over every spend from zero
// to Limit: the difference new − old is smallest at MinSpend and largest
// at MaxSpend. The zero value is the difference of two equal prices at no
// spend.
//
// The spends are exact: the extremes of the exact (unrounded) difference,
// found from the prices' breakpoints (band limits, the spends just past
// them, the spends at which the minimum or the maximum starts or stops
// applying, zero and Limit), the smallest spend where there are several.
// Min and Max are the difference of the fees charged at those spends, each
// fee rounded half-even to the minor unit as Fee charges it; between
// breakpoints the charged difference may stray from the exact one by less
// than one minor unit.
type FeeDifference struct {
	Min      money.Money `json:"min"`      // new fee − old fee at MinSpend
	MinSpend money.Money `json:"minSpend"` // the smallest spend at which the exact difference is smallest
	Max      money.Money `json:"max"`      // new fee − old fee at MaxSpend
	MaxSpend money.Money `json:"maxSpend"` // the smallest spend at which the exact difference is largest
	Limit    money.Money `json:"limit"`    // the largest spend both prices can quote: every spend up to it fits in 64-bit minor units
}

// DiffFees returns the difference between the monthly fees of old and new
// as a function of the spend (see [FeeDifference]). Both prices must be
// valid and in one currency: errors wrap [ErrInvalidPrice] or
// [money.ErrCurrencyMismatch]. DiffFees evaluates each price at a number of
// spends that grows with its bands, not with the spend.
func DiffFees(older, newer Price) (FeeDifference, error) {
	cur, err := older.validate(0)
	if err != nil {
		return FeeDifference{}, fmt.Errorf("old price: %w", err)
	}
	if older.Currency != newer.Currency {
		return FeeDifference{}, fmt.Errorf("fees: %w", money.Mismatch(older.Currency, newer.Currency))
	}
	if _, err := newer.validate(cur); err != nil {
		return FeeDifference{}, fmt.Errorf("new price: %w", err)
	}
	ext, err := feeExtremes(&older, &newer, cur)
	if err != nil {
		return FeeDifference{}, err
	}
	fd := FeeDifference{MinSpend: money.FromMinor(ext.minAt, cur), MaxSpend: money.FromMinor(ext.maxAt, cur), Limit: money.FromMinor(ext.limit, cur)}
	if fd.Min, err = chargedDiff(&older, &newer, fd.MinSpend); err != nil {
		return FeeDifference{}, err
	}
	if fd.Max, err = chargedDiff(&older, &newer, fd.MaxSpend); err != nil {
		return FeeDifference{}, err
	}
	return fd, nil
}

// chargedDiff returns new.Fee(spend) − old.Fee(spend).
func chargedDiff(older, newer *Price, spend money.Money) (money.Money, error) {
	a, err := older.fee(spend, 1, 1)
	if err != nil {
		return money.Money{}, err
	}
	b, err := newer.fee(spend, 1, 1)
	if err != nil {
		return money.Money{}, err
	}
	return b.Sub(a)
}

// extremes are the extremes of the exact fee difference, in minor units ×
// money.RateScale, the smallest spends at which they occur, and the limit.
type extremes struct {
	min, max     *big.Int
	minAt, maxAt int64
	limit        int64
}

// feeExtremes finds the extremes of the exact difference new − old over
// the spends 0..limit. Between two consecutive breakpoints of either price
// each exact banded sum is affine in the spend; the clamp to the minimum
// and maximum adds a kink where the sum crosses them, whose neighbouring
// spends are added; the extremes of a piecewise affine function of integer
// spends are then at these spends.
func feeExtremes(older, newer *Price, cur money.CurrencyID) (extremes, error) {
	cands := slices.Concat([]int64{0, 1, math.MaxInt64}, older.breakpoints(), newer.breakpoints())
	slices.Sort(cands)
	cands = slices.Compact(cands)
	limit, err := quotableLimit(older, newer, cur, cands)
	if err != nil {
		return extremes{}, err
	}
	cands = append(slices.DeleteFunc(cands, func(s int64) bool { return s > limit }), limit)
	cands = slices.Compact(cands)
	all := slices.Clone(cands)
	for i := 1; i < len(cands); i++ {
		for _, p := range []*Price{older, newer} {
			all = append(all, p.crossings(cands[i-1], cands[i], cur)...)
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	ext := extremes{limit: limit}
	for _, s := range all {
		d := exactDiff(older, newer, s, cur)
		if ext.min == nil || d.Cmp(ext.min) < 0 {
			ext.min, ext.minAt = d, s
		}
		if ext.max == nil || d.Cmp(ext.max) > 0 {
			ext.max, ext.maxAt = d, s
		}
	}
	return ext, nil
}

// breakpoints returns the spends at which p's banded sum may change slope
// or jump: each band limit and the spend just past it.
func (p *Price) breakpoints() []int64 {
	var out []int64
	for _, b := range p.Bands {
		if b.Unbounded {
			continue
		}
		out = append(out, b.UpTo.Minor())
		if b.UpTo.Minor() < math.MaxInt64 {
			out = append(out, b.UpTo.Minor()+1)
		}
	}
	return out
}

// quotableLimit returns the largest spend s such that both prices quote
// every spend up to s. Between consecutive breakpoints the banded sums
// never decrease, so the spends that overflow there are a suffix, found by
// bisection.
func quotableLimit(older, newer *Price, cur money.CurrencyID, cands []int64) (int64, error) {
	ok := func(s int64) bool {
		_, e1 := older.bands(s, cur, nil)
		_, e2 := newer.bands(s, cur, nil)
		return e1 == nil && e2 == nil
	}
	if !ok(0) {
		return 0, fmt.Errorf("%w: the fee at no spend does not fit", money.ErrOverflow)
	}
	for i := 1; i < len(cands); i++ {
		if ok(cands[i]) {
			continue
		}
		lo, hi := cands[i-1], cands[i] // ok(lo), !ok(hi)
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if ok(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		return lo, nil
	}
	return cands[len(cands)-1], nil
}

// crossings returns, for the spends lo..hi over which p's banded sum is
// affine, the spends on either side of where it crosses p's minimum and
// maximum.
func (p *Price) crossings(lo, hi int64, cur money.CurrencyID) []int64 {
	if hi-lo < 2 {
		return nil
	}
	a, _ := p.bands(lo, cur, nil) // lo and hi are quotable
	a1, _ := p.bands(lo+1, cur, nil)
	slope := new(big.Int).Sub(a1.big(), a.big())
	if slope.Sign() <= 0 {
		return nil
	}
	var out []int64
	for _, t := range []money.Money{p.Minimum, p.Maximum} {
		if t.Minor() <= 0 {
			continue
		}
		// the first spend s ≥ lo at which a + slope×(s−lo) ≥ t×money.RateScale
		need := new(big.Int).Sub(mul64(uint64(t.Minor()), money.RateScale).big(), a.big())
		if need.Sign() <= 0 {
			continue
		}
		steps := new(big.Int).Add(need, new(big.Int).Sub(slope, big.NewInt(1)))
		steps.Quo(steps, slope)
		if !steps.IsInt64() || steps.Int64() > hi-lo {
			continue
		}
		s := lo + steps.Int64()
		out = append(out, s-1, s)
	}
	return out
}

// exactDiff returns the exact monthly fee of new less that of old at the
// quotable spend s, in minor units × money.RateScale.
func exactDiff(older, newer *Price, s int64, cur money.CurrencyID) *big.Int {
	a, _ := older.bands(s, cur, nil)
	b, _ := newer.bands(s, cur, nil)
	ea, _, _ := older.monthly(a)
	eb, _, _ := newer.monthly(b)
	return new(big.Int).Sub(eb.big(), ea.big())
}

// big returns x as a big.Int.
func (x u128) big() *big.Int {
	v := new(big.Int).SetUint64(x.hi)
	v.Lsh(v, 64)
	return v.Or(v, new(big.Int).SetUint64(x.lo))
}

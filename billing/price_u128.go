package billing

import (
	"math"
	"math/bits"
)

// u128 is an unsigned 128-bit integer for exact fee arithmetic: spends up
// to 2^63 minor units times rates up to 10^8 (plus a flat amount of as
// much, checked against maxExact band by band) times at most 31 days stay
// below 2^128.
type u128 struct{ hi, lo uint64 }

func mul64(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

func (x u128) add(y u128) u128 {
	lo, c := bits.Add64(x.lo, y.lo, 0)
	hi, _ := bits.Add64(x.hi, y.hi, c)
	return u128{hi, lo}
}

// mul returns x × y; callers keep the product below 2^128.
func (x u128) mul(y uint64) u128 {
	hi, lo := bits.Mul64(x.lo, y)
	return u128{x.hi*y + hi, lo}
}

func (x u128) cmp(y u128) int {
	switch {
	case x.hi < y.hi || (x.hi == y.hi && x.lo < y.lo):
		return -1
	case x == y:
		return 0
	}
	return 1
}

// divRound returns x / d rounded half-even, and false when the quotient
// does not fit in 64 bits. d must not be zero.
func (x u128) divRound(d uint64) (uint64, bool) {
	if x.hi >= d {
		return 0, false
	}
	q, r := bits.Div64(x.hi, x.lo, d)
	if r > d-r || (r == d-r && q&1 == 1) {
		if q == math.MaxUint64 {
			return 0, false
		}
		q++
	}
	return q, true
}

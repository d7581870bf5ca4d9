package entitlement

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// ErrInvalidPrice reports a [Price] that fails [Price.Validate].
var ErrInvalidPrice = errors.New("invalid price")

// Band is one graduated band of a [Price]: Rate applies to the part of the
// spend above the previous band's limit and up to UpTo. The last band of a
// price is Unbounded and has no UpTo (its UpTo is the zero Money).
//
// The zero value is not a valid band: it is bounded with a limit of no
// currency.
type Band struct {
	UpTo      Money // inclusive upper limit of the band; zero Money when Unbounded
	Unbounded bool  // the band has no upper limit; only the last band may be unbounded
	Rate      Rate  // the rate applied to the spend inside the band
}

// Price is a tier's monthly fee: the larger of Minimum and the graduated
// sum of Bands over the month's spend.
//
// For example the Enhanced fee, a minimum of 100 USD and 10% of 0–10,000,
// 7% of 10,000–80,000, 5% of 80,000–250,000 and 3% above, is
//
//	Price{
//		Currency: "USD",
//		Minimum:  MustParseMoney("100 USD"),
//		Bands: []Band{
//			{UpTo: MustParseMoney("10000 USD"), Rate: MustParseRate("10%")},
//			{UpTo: MustParseMoney("80000 USD"), Rate: MustParseRate("7%")},
//			{UpTo: MustParseMoney("250000 USD"), Rate: MustParseRate("5%")},
//			{Unbounded: true, Rate: MustParseRate("3%")},
//		},
//	}
//
// A Price with no bands is a flat fee of Minimum. The zero Minimum (no
// currency) means no minimum. The zero Price is invalid: it has no currency.
// Methods never modify the Price; a Price may be used from several
// goroutines at once as long as nobody modifies its Bands.
type Price struct {
	Currency  string    // ISO 4217 code of the minimum, the band limits and the spend
	Minimum   Money     // fee charged when the banded sum is smaller; zero Money for none
	Bands     []Band    // ascending limits; the last band must be unbounded
	Proration Proration // how [Price.QuotePeriod] charges a partial month
}

// Validate reports whether p is well formed: a known currency, a
// non-negative minimum in that currency, band limits in that currency,
// positive and strictly ascending, only the last band unbounded, and (when
// there are bands) the last band unbounded so that no spend goes unpriced,
// and a known [Proration]. Errors wrap [ErrInvalidPrice]; every problem
// of a single band is a *[BandError] naming the band and its field.
func (p Price) Validate() error {
	_, err := p.validate()
	return err
}

// validate implements Validate and returns the index of p's currency.
func (p Price) validate() (uint8, error) {
	if p.Currency == "" {
		return 0, fmt.Errorf("%w: no currency", ErrInvalidPrice)
	}
	cur, err := lookupCurrency(p.Currency)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrInvalidPrice, err)
	}
	if p.Minimum != (Money{}) {
		if p.Minimum.cur != cur {
			return 0, fmt.Errorf("%w: minimum %s is not in %s", ErrInvalidPrice, p.Minimum, p.Currency)
		}
		if p.Minimum.minor < 0 {
			return 0, fmt.Errorf("%w: minimum %s is negative", ErrInvalidPrice, p.Minimum)
		}
	}
	if p.Proration > BillFullMonth {
		return 0, fmt.Errorf("%w: unknown proration %d", ErrInvalidPrice, uint8(p.Proration))
	}
	var prev int64
	for i := range p.Bands {
		if err := p.Bands[i].validate(i, len(p.Bands), prev, cur, p.Currency); err != nil {
			return 0, err
		}
		prev = p.Bands[i].UpTo.minor
	}
	return cur, nil
}

// BandError reports a [Band] that fails [Price.Validate], in the manner of
// [time.ParseError]: Index says which band (0-based into Price.Bands) and
// Field which of its fields is wrong, so that a caller reading the price from
// a document can point at the offending node. It unwraps to
// [ErrInvalidPrice].
type BandError struct {
	Index   int    // the band, 0-based into Price.Bands
	Field   string // "upTo" or "rate"; empty when the problem is the band as a whole
	Message string // what is wrong, e.g. "limit 10.00 USD is not positive"
}

// Error returns the message with the band counted from 1, e.g. "invalid
// price: band 2: limit 100.00 USD is not above the previous limit 200.00 USD".
func (e *BandError) Error() string {
	return fmt.Sprintf("%v: band %d: %s", ErrInvalidPrice, e.Index+1, e.Message)
}

// Unwrap returns [ErrInvalidPrice], so errors.Is recognises every band
// problem as an invalid price.
func (e *BandError) Unwrap() error { return ErrInvalidPrice }

// validate checks band i of n, whose lower limit is prev, in a price in
// currency cur (code is its name, for messages). Its errors are
// *[BandError]s.
func (b *Band) validate(i, n int, prev int64, cur uint8, code string) error {
	if b.Rate.micro < 0 || b.Rate.micro > rateScale {
		return bandError(i, "rate", "rate %s is outside 0%%..100%%", b.Rate)
	}
	if b.Unbounded {
		if i != n-1 {
			return bandError(i, "", "only the last band may be unbounded")
		}
		if b.UpTo != (Money{}) {
			return bandError(i, "upTo", "an unbounded band cannot have a limit (%s)", b.UpTo)
		}
		return nil
	}
	switch {
	case b.UpTo == (Money{}):
		return bandError(i, "upTo", "no limit; set UpTo, or Unbounded on the last band")
	case b.UpTo.cur != cur:
		return bandError(i, "upTo", "limit %s is not in %s", b.UpTo, code)
	case b.UpTo.minor <= prev && i == 0:
		return bandError(i, "upTo", "limit %s is not positive", b.UpTo)
	case b.UpTo.minor <= prev:
		return bandError(i, "upTo", "limit %s is not above the previous limit %s", b.UpTo, Money{minor: prev, cur: cur})
	case i == n-1:
		return bandError(i, "upTo", "the last band must be unbounded (spend above %s would have no rate)", b.UpTo)
	}
	return nil
}

// bandError returns a *BandError for band i's field.
func bandError(i int, field, format string, args ...any) error {
	return &BandError{Index: i, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Line is one band of a [Quote]: the band's limits, the part of the spend
// inside it, its rate, and the amount it contributes rounded half-even to
// the minor unit. Amounts are for display: the quote's total is rounded from
// the exact sum, so the lines may differ from [Quote.Banded] by a minor unit.
type Line struct {
	From      Money // lower limit of the band (exclusive; zero for the first band)
	UpTo      Money // upper limit of the band (inclusive); zero Money when Unbounded
	Unbounded bool  // the band has no upper limit
	Spend     Money // the part of the spend inside the band, possibly zero
	Rate      Rate  // the band's rate
	Amount    Money // Spend × Rate, rounded half-even to the minor unit
}

// Quote is the priced fee for a month, or part of a month, at a spend.
//
// All amounts are in the price's currency. Total is max(Minimum, exact
// banded sum) × the billed fraction of the month, rounded half-even once.
type Quote struct {
	Tier           string    // the tier priced; empty from [Price.Quote], set by callers such as package rules
	Spend          Money     // the month's spend that was priced
	Lines          []Line    // one line per band, in order
	Banded         Money     // the exact sum of the bands, rounded half-even
	Minimum        Money     // the price's minimum (zero in the currency when there is none)
	MinimumApplied bool      // the minimum exceeded the exact banded sum and was charged instead
	Monthly        Money     // the fee for the whole month: max(Minimum, banded sum), rounded half-even
	Period         Period    // the period priced by [Price.QuotePeriod]; zero from [Price.Quote]
	Proration      Proration // the policy that decided BilledDays
	BilledDays     int       // days charged; 0 from [Price.Quote] (the whole month)
	MonthDays      int       // days in the period's month; 0 from [Price.Quote]
	Total          Money     // the fee charged: Monthly, or the exact monthly fee × BilledDays/MonthDays rounded half-even
}

// Prorated reports whether the quote charges part of a month.
func (q Quote) Prorated() bool { return q.MonthDays != 0 && q.BilledDays != q.MonthDays }

// Quote prices a whole month at spend. It returns one [Line] per band and a
// Total of max(minimum, banded sum), computed exactly and rounded half-even
// once to the minor unit. It fails with [ErrInvalidPrice],
// [ErrCurrencyMismatch] (spend in another currency) or [ErrNegativeSpend].
func (p Price) Quote(spend Money) (Quote, error) {
	return p.quote(spend, Period{}, 1, 1, true)
}

// Fee returns the Total of [Price.Quote] without building the lines; it
// does not allocate unless it fails.
func (p Price) Fee(spend Money) (Money, error) {
	return p.fee(spend, 1, 1)
}

// fee returns billed/days of the monthly fee at spend, as [Price.Fee] and
// [Price.FeePeriod] charge it.
func (p Price) fee(spend Money, billed, days int) (Money, error) {
	cur, err := p.check(spend)
	if err != nil {
		return Money{}, err
	}
	exact, _ := p.monthly(p.bands(spend.minor, cur, nil))
	return round(exact, billed, days, cur)
}

// check validates p and spend and returns the index of p's currency.
func (p Price) check(spend Money) (uint8, error) {
	cur, err := p.validate()
	if err != nil {
		return 0, err
	}
	if spend.cur != cur {
		return 0, fmt.Errorf("spend %s: %w", spend, mismatch(spend.Currency(), p.Currency))
	}
	if spend.minor < 0 {
		return 0, fmt.Errorf("%w: %s", ErrNegativeSpend, spend)
	}
	return cur, nil
}

// quote builds a Quote charging billed/days of the month.
func (p Price) quote(spend Money, period Period, billed, days int, whole bool) (Quote, error) {
	cur, err := p.check(spend)
	if err != nil {
		return Quote{}, err
	}
	q := Quote{
		Spend:     spend,
		Minimum:   Money{minor: p.Minimum.minor, cur: cur},
		Period:    period,
		Proration: p.Proration,
	}
	if !whole {
		q.BilledDays, q.MonthDays = billed, days
	}
	if len(p.Bands) > 0 {
		q.Lines = make([]Line, len(p.Bands))
	}
	sum := p.bands(spend.minor, cur, q.Lines)
	banded, _ := sum.divRound(rateScale)
	q.Banded = Money{minor: int64(banded), cur: cur}
	var exact u128
	exact, q.MinimumApplied = p.monthly(sum)
	if q.Monthly, err = round(exact, 1, 1, cur); err != nil {
		return Quote{}, err
	}
	if q.Total, err = round(exact, billed, days, cur); err != nil {
		return Quote{}, err
	}
	return q, nil
}

// bands returns the exact banded sum at spend (≥ 0, in currency cur) in
// minor units × rateScale. When lines is not nil (it then has one element
// per band) it also fills in each band's [Line]; with nil it does not
// allocate, so that [Price.Fee] and [Price.Quote] share this one walk.
func (p Price) bands(spend int64, cur uint8, lines []Line) u128 {
	var (
		sum  u128
		prev int64
	)
	for i, b := range p.Bands {
		in := inBand(spend, prev, b)
		part := mul64(uint64(in), uint64(b.Rate.micro))
		sum = sum.add(part)
		if lines != nil {
			amount, _ := part.divRound(rateScale) // at most in: fits
			lines[i] = Line{
				From:      Money{minor: prev, cur: cur},
				UpTo:      b.UpTo,
				Unbounded: b.Unbounded,
				Spend:     Money{minor: in, cur: cur},
				Rate:      b.Rate,
				Amount:    Money{minor: int64(amount), cur: cur},
			}
		}
		prev = b.UpTo.minor
	}
	return sum
}

// monthly returns the exact monthly fee, in minor units × rateScale, for the
// exact banded sum: the minimum when it is larger (and true), else sum.
func (p Price) monthly(sum u128) (u128, bool) {
	if p.Minimum.minor > 0 {
		if min := mul64(uint64(p.Minimum.minor), rateScale); min.cmp(sum) > 0 {
			return min, true
		}
	}
	return sum, false
}

// round returns exact × billed / (rateScale × days) of currency cur,
// rounded half-even.
func round(exact u128, billed, days int, cur uint8) (Money, error) {
	v, ok := exact.mul(uint64(billed)).divRound(rateScale * uint64(days))
	if !ok || v > math.MaxInt64 { // impossible with rates ≤ 100% and billed ≤ days
		return Money{}, fmt.Errorf("%w: fee does not fit in 64-bit minor units", ErrOverflow)
	}
	return Money{minor: int64(v), cur: cur}, nil
}

// inBand returns the part of spend (≥ 0) above prev and within b.
func inBand(spend, prev int64, b Band) int64 {
	if spend <= prev {
		return 0
	}
	if !b.Unbounded && spend > b.UpTo.minor {
		return b.UpTo.minor - prev
	}
	return spend - prev
}

// u128 is an unsigned 128-bit integer for exact fee arithmetic: spends up
// to 2^63 minor units times rates up to 10^8 times at most 31 days stay
// below 2^122.
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

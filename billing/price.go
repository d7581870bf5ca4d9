package billing

import (
	"fmt"
	"math"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
)

// Errors of prices and quotes, wrapped with details; test for them with
// [errors.Is].
var (
	// ErrInvalidPrice reports a [Price] that fails [Price.Validate].
	ErrInvalidPrice = fault.New(fault.BadRequest, "invalid price")
	// ErrNegativeSpend reports a negative spend given to a quote.
	ErrNegativeSpend = fault.New(fault.BadRequest, "negative spend")
)

// Band is one band of a [Price]: the spend above the previous band's limit
// and up to UpTo. In a [Graduated] price Rate applies to the part of the
// spend inside the band; in a [Volume] price it applies to the whole spend
// when the spend falls in the band. The last band of a price is Unbounded
// and has no UpTo (its UpTo is the zero Money).
//
// Flat is a fixed amount charged once the spend enters the band, that is
// exceeds the previous band's limit (or zero, for the first band): in a
// Graduated price the flat amount of every band the spend reaches is added,
// as in Lago's graduated percentage model; in a Volume price only that of
// the band the spend falls in. A zero spend enters no band and so charges no
// flat amount (the minimum, if any, still applies).
//
// The zero value is not a valid band: it is bounded with a limit of no
// currency.
type Band struct {
	UpTo      money.Money // inclusive upper limit of the band; zero Money when Unbounded
	Unbounded bool        // the band has no upper limit; only the last band may be unbounded
	Rate      money.Rate  // the rate applied to the spend inside the band
	Flat      money.Money // fixed amount charged when the spend enters the band; zero Money for none
}

// Price is a tier's monthly fee: the banded sum of the month's spend (see
// [Model] and [Band]), raised to Minimum and capped at Maximum, that is
// min(max(Minimum, banded sum), Maximum).
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
// currency) means no minimum and the zero Maximum no cap; a Maximum of 0 in
// the currency caps every fee at zero. The zero Model is [Graduated]. The
// zero Price is invalid: it has no currency.
// Methods never modify the Price; a Price may be used from several
// goroutines at once as long as nobody modifies its Bands.
type Price struct {
	Currency  string      // ISO 4217 code of the amounts, the band limits and the spend
	Model     Model       // how the bands' rates apply to the spend; Graduated when zero
	Minimum   money.Money // fee charged when the banded sum is smaller; zero Money for none
	Maximum   money.Money // fee charged when the banded sum is larger; zero Money for no cap
	Bands     []Band      // ascending limits; the last band must be unbounded
	Proration Proration   // how [Price.QuotePeriod] charges a partial month
}

// Validate reports whether p is well formed: a known currency, a known
// [Model], a non-negative minimum and maximum in that currency with the
// maximum not below the minimum, band limits in that currency, positive
// and strictly ascending, only the last band unbounded, and (when there are
// bands) the last band unbounded so that no spend goes unpriced, rates
// between 0% and 100%, non-negative flat amounts in the currency, and a
// known [Proration]. Errors wrap [ErrInvalidPrice]; every problem
// of a single band is a *[BandError] naming the band and its field.
func (p Price) Validate() error {
	_, err := p.validate(p.Minimum.CurrencyID())
	return err
}

// validate implements Validate and returns the index of p's currency.
// hint is the currency of an amount at hand (0 for none): when it is p's
// currency, as it nearly always is, it spares a map lookup.
func (p *Price) validate(hint money.CurrencyID) (money.CurrencyID, error) {
	if p.Currency == "" {
		return 0, fmt.Errorf("%w: no currency", ErrInvalidPrice)
	}
	cur, err := hint, error(nil)
	if hint == 0 || hint.Code() != p.Currency {
		cur, err = money.LookupCurrency(p.Currency)
	}
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrInvalidPrice, err)
	}
	if p.Model > Volume {
		return 0, fmt.Errorf("%w: unknown model %d", ErrInvalidPrice, uint8(p.Model))
	}
	if badAmount(p.Minimum, cur) {
		return 0, fmt.Errorf("%w: %s", ErrInvalidPrice, amountProblem("minimum", p.Minimum, cur, p.Currency))
	}
	if badAmount(p.Maximum, cur) {
		return 0, fmt.Errorf("%w: %s", ErrInvalidPrice, amountProblem("maximum", p.Maximum, cur, p.Currency))
	}
	if p.Maximum != (money.Money{}) && p.Maximum.Minor() < p.Minimum.Minor() {
		return 0, fmt.Errorf("%w: maximum %s is below the minimum %s", ErrInvalidPrice, p.Maximum, p.Minimum)
	}
	if p.Proration > BillFullMonth {
		return 0, fmt.Errorf("%w: unknown proration %d", ErrInvalidPrice, uint8(p.Proration))
	}
	if err := p.validateBands(cur); err != nil {
		return 0, err
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
	Field   string // "upTo", "rate" or "flat"; empty when the problem is the band as a whole
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

// validateBands checks p's bands for a price in currency cur. Its errors
// are *[BandError]s.
func (p *Price) validateBands(cur money.CurrencyID) error {
	var prev int64
	for i := range p.Bands {
		b := &p.Bands[i]
		if !b.Rate.InRange() {
			return bandError(i, "rate", "rate %s is outside 0%%..100%%", b.Rate)
		}
		if badAmount(b.Flat, cur) {
			return bandError(i, "flat", "%s", amountProblem("flat amount", b.Flat, cur, p.Currency))
		}
		last := i == len(p.Bands)-1
		if b.Unbounded {
			if !last {
				return bandError(i, "", "only the last band may be unbounded")
			}
			if b.UpTo != (money.Money{}) {
				return bandError(i, "upTo", "an unbounded band cannot have a limit (%s)", b.UpTo)
			}
			return nil
		}
		switch {
		case b.UpTo == (money.Money{}):
			return bandError(i, "upTo", "no limit; set UpTo, or Unbounded on the last band")
		case b.UpTo.CurrencyID() != cur:
			return bandError(i, "upTo", "limit %s is not in %s", b.UpTo, p.Currency)
		case b.UpTo.Minor() <= prev && i == 0:
			return bandError(i, "upTo", "limit %s is not positive", b.UpTo)
		case b.UpTo.Minor() <= prev:
			return bandError(i, "upTo", "limit %s is not above the previous limit %s", b.UpTo, money.FromMinor(prev, cur))
		case last:
			return bandError(i, "upTo", "the last band must be unbounded (spend above %s would have no rate)", b.UpTo)
		}
		prev = b.UpTo.Minor()
	}
	return nil
}

// badAmount reports whether m, an optional amount of a price in currency
// cur, is set (not the zero Money) but in another currency or negative.
func badAmount(m money.Money, cur money.CurrencyID) bool {
	return m != (money.Money{}) && (m.CurrencyID() != cur || m.Minor() < 0)
}

// amountProblem says why m, the price's what, is a bad amount (see
// badAmount) in currency cur, whose name is code.
func amountProblem(what string, m money.Money, cur money.CurrencyID, code string) string {
	if m.CurrencyID() != cur {
		return fmt.Sprintf("%s %s is not in %s", what, m, code)
	}
	return fmt.Sprintf("%s %s is negative", what, m)
}

// bandError returns a *BandError for band i's field.
func bandError(i int, field, format string, args ...any) error {
	return &BandError{Index: i, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Line is one band of a [Quote]: the band's limits, the part of the spend
// it prices, its rate, the flat amount it charges, and the amount it
// contributes rounded half-even to the minor unit. Amounts are for display:
// the quote's total is rounded from the exact sum, so the lines may differ
// from [Quote.Banded] by a minor unit.
//
// A [Graduated] quote has the part of the spend inside each band on the
// band's line. A [Volume] quote also has one line per band, so that lines
// and bands correspond in both models: the band the spend falls in carries
// the whole spend, its rate and flat amount, and every other line has zero
// Spend, Flat and Amount.
type Line struct {
	From      money.Money // lower limit of the band (exclusive; zero for the first band)
	UpTo      money.Money // upper limit of the band (inclusive); zero Money when Unbounded
	Unbounded bool        // the band has no upper limit
	Spend     money.Money // the part of the spend the band prices, possibly zero
	Rate      money.Rate  // the band's rate
	Flat      money.Money // the band's flat amount when the spend enters the band, else zero
	Amount    money.Money // Spend × Rate + Flat, rounded half-even to the minor unit
}

// Quote is the priced fee for a month, or part of a month, at a spend.
//
// All amounts are in the price's currency. Total is min(max(Minimum, exact
// banded sum), Maximum) × the billed fraction of the month, rounded
// half-even once.
type Quote struct {
	Tier           string      // the tier priced; empty from [Price.Quote], set by callers such as package rules
	Model          Model       // the price's model
	Spend          money.Money // the month's spend that was priced
	Lines          []Line      // one line per band, in order
	Banded         money.Money // the exact sum of the bands (rates and flat amounts), rounded half-even
	Minimum        money.Money // the price's minimum (zero in the currency when there is none)
	MinimumApplied bool        // the minimum exceeded the exact banded sum and was charged instead
	Maximum        money.Money // the price's maximum; the zero Money (no currency) when there is no cap
	MaximumApplied bool        // the exact banded sum exceeded the maximum, which was charged instead
	Monthly        money.Money // the fee for the whole month: min(max(Minimum, banded sum), Maximum), rounded half-even
	Period         Period      // the period priced by [Price.QuotePeriod]; zero from [Price.Quote]
	Proration      Proration   // the policy that decided BilledDays
	BilledDays     int         // days charged; 0 from [Price.Quote] (the whole month)
	MonthDays      int         // days in the period's month; 0 from [Price.Quote]
	Total          money.Money // the fee charged: Monthly, or the exact monthly fee × BilledDays/MonthDays rounded half-even
}

// Prorated reports whether the quote charges part of a month.
func (q Quote) Prorated() bool { return q.MonthDays != 0 && q.BilledDays != q.MonthDays }

// Quote prices a whole month at spend. It returns one [Line] per band and a
// Total of min(max(minimum, banded sum), maximum), computed exactly and
// rounded half-even once to the minor unit. It fails with
// [ErrInvalidPrice], [money.ErrCurrencyMismatch] (spend in another currency),
// [ErrNegativeSpend], or [money.ErrOverflow] when flat amounts take a line or the
// banded sum beyond 64-bit minor units.
func (p Price) Quote(spend money.Money) (Quote, error) {
	return p.quote(spend, Period{}, 1, 1, true)
}

// Fee returns the Total of [Price.Quote] without building the lines; it
// does not allocate unless it fails.
func (p Price) Fee(spend money.Money) (money.Money, error) {
	return p.fee(spend, 1, 1)
}

// fee returns billed/days of the monthly fee at spend, as [Price.Fee] and
// [Price.FeePeriod] charge it.
func (p *Price) fee(spend money.Money, billed, days int) (money.Money, error) {
	cur, err := p.check(spend)
	if err != nil {
		return money.Money{}, err
	}
	sum, err := p.bands(spend.Minor(), cur, nil)
	if err != nil {
		return money.Money{}, err
	}
	exact, _, _ := p.monthly(sum)
	return round(exact, billed, days, cur)
}

// check validates p and spend and returns the index of p's currency.
func (p *Price) check(spend money.Money) (money.CurrencyID, error) {
	cur, err := p.validate(spend.CurrencyID())
	if err != nil {
		return 0, err
	}
	if spend.CurrencyID() != cur {
		return 0, fmt.Errorf("spend %s: %w", spend, money.Mismatch(spend.Currency(), p.Currency))
	}
	if spend.Minor() < 0 {
		return 0, fmt.Errorf("%w: %s", ErrNegativeSpend, spend)
	}
	return cur, nil
}

// quote builds a Quote charging billed/days of the month.
func (p *Price) quote(spend money.Money, period Period, billed, days int, whole bool) (Quote, error) {
	cur, err := p.check(spend)
	if err != nil {
		return Quote{}, err
	}
	q := Quote{
		Model:     p.Model,
		Spend:     spend,
		Minimum:   money.FromMinor(p.Minimum.Minor(), cur),
		Maximum:   p.Maximum,
		Period:    period,
		Proration: p.Proration,
	}
	if !whole {
		q.BilledDays, q.MonthDays = billed, days
	}
	if len(p.Bands) > 0 {
		q.Lines = make([]Line, len(p.Bands))
	}
	sum, err := p.bands(spend.Minor(), cur, q.Lines)
	if err != nil {
		return Quote{}, err
	}
	banded, _ := sum.divRound(money.RateScale) // bands checked that it fits
	q.Banded = money.FromMinor(int64(banded), cur)
	var exact u128
	exact, q.MinimumApplied, q.MaximumApplied = p.monthly(sum)
	if q.Monthly, err = round(exact, 1, 1, cur); err != nil {
		return Quote{}, err
	}
	if q.Total, err = round(exact, billed, days, cur); err != nil {
		return Quote{}, err
	}
	return q, nil
}

// bands returns the exact banded sum at spend (≥ 0, in currency cur) in
// minor units × money.RateScale. When lines is not nil (it then has one element
// per band) it also fills in each band's [Line]; with nil it does not
// allocate, so that [Price.Fee] and [Price.Quote] share this one walk. It
// fails with [money.ErrOverflow] when a line's amount or the sum does not fit in
// 64-bit minor units, which only flat amounts can cause, so that Fee and
// Quote fail alike.
func (p *Price) bands(spend int64, cur money.CurrencyID, lines []Line) (u128, error) {
	var (
		sum  u128
		prev int64
	)
	for i := range p.Bands {
		b := &p.Bands[i]
		in := p.Model.inBand(spend, prev, b)
		part := mul64(uint64(in), uint64(b.Rate.MicroPercent()))
		var flat int64
		if in > 0 && b.Flat.Minor() > 0 {
			flat = b.Flat.Minor()
			if part = part.add(mul64(uint64(flat), money.RateScale)); part.cmp(maxExact) >= 0 {
				return u128{}, fmt.Errorf("%w: band %d: %s at %s plus the flat amount %s does not fit in 64-bit minor units",
					money.ErrOverflow, i+1, b.Rate, money.FromMinor(in, cur), b.Flat)
			}
		}
		sum = sum.add(part)
		if lines != nil {
			amount, _ := part.divRound(money.RateScale) // below maxExact: fits
			lines[i] = Line{
				From:      money.FromMinor(prev, cur),
				UpTo:      b.UpTo,
				Unbounded: b.Unbounded,
				Spend:     money.FromMinor(in, cur),
				Rate:      b.Rate,
				Flat:      money.FromMinor(flat, cur),
				Amount:    money.FromMinor(int64(amount), cur),
			}
		}
		prev = b.UpTo.Minor()
	}
	if sum.cmp(maxExact) >= 0 {
		return u128{}, fmt.Errorf("%w: the banded sum at %s does not fit in 64-bit minor units", money.ErrOverflow, money.FromMinor(spend, cur))
	}
	return sum, nil
}

// maxExact is the smallest exact amount, in minor units × money.RateScale, that
// rounds half-even beyond math.MaxInt64 minor units (which is odd, so its
// half rounds up).
var maxExact = mul64(math.MaxInt64, money.RateScale).add(u128{lo: money.RateScale / 2})

// monthly returns the exact monthly fee, in minor units × money.RateScale, for the
// exact banded sum: the minimum when it is larger, the maximum when sum
// exceeds it, else sum; and whether the minimum or the maximum applied.
func (p *Price) monthly(sum u128) (exact u128, minimum, maximum bool) {
	if p.Minimum.Minor() > 0 {
		if min := mul64(uint64(p.Minimum.Minor()), money.RateScale); min.cmp(sum) > 0 {
			return min, true, false // Validate keeps the maximum at or above the minimum
		}
	}
	if p.Maximum != (money.Money{}) {
		if max := mul64(uint64(p.Maximum.Minor()), money.RateScale); sum.cmp(max) > 0 {
			return max, false, true
		}
	}
	return sum, false, false
}

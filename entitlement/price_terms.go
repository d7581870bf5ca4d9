package entitlement

import (
	"errors"
	"fmt"
	"time"
)

// Discounts and commitments adjust the fees of a contract across time, on
// an invoice, rather than the fee of one month: a [Discount] reduces the
// fees charged inside its validity [Window], and a [Commitment] charges a
// true-up at the end of its term when the fees fell short of it.

var (
	// ErrInvalidDiscount reports a [Discount] that fails [Discount.Validate].
	ErrInvalidDiscount = errors.New("invalid discount")
	// ErrInvalidCommitment reports a [Commitment] that fails
	// [Commitment.Validate].
	ErrInvalidCommitment = errors.New("invalid commitment")
	// ErrNegativeFee reports a negative fee given to a discount or a
	// commitment.
	ErrNegativeFee = errors.New("negative fee")
)

// Window is the half-open interval of instants [From, Until). The zero
// From means no start and the zero Until no end, so the zero Window holds
// every instant.
type Window struct {
	From  time.Time // first instant inside the window; zero for no start
	Until time.Time // first instant after the window; zero for no end
}

// Contains reports whether From ≤ t < Until, ignoring a zero bound.
func (w Window) Contains(t time.Time) bool {
	return (w.From.IsZero() || !t.Before(w.From)) && (w.Until.IsZero() || t.Before(w.Until))
}

// validate reports an empty window: both bounds set and Until not after
// From.
func (w Window) validate() error {
	if !w.From.IsZero() && !w.Until.IsZero() && !w.Until.After(w.From) {
		return fmt.Errorf("until %s is not after from %s", w.Until.Format(time.RFC3339), w.From.Format(time.RFC3339))
	}
	return nil
}

// Discount reduces each fee charged inside its Window, either by a
// percentage (Rate) or by a fixed amount (Amount), never below zero. It is
// the negotiated or partner discount of a contract, e.g. 15% off for the
// first year.
//
// Exactly one of Rate and Amount is set (a zero Rate counts as unset). A
// percentage discount is exact:
// the fee × (100% − Rate) is rounded half-even once.
type Discount struct {
	Rate   Rate  // percentage off each fee; zero when Amount is set
	Amount Money // fixed amount off each fee; zero Money when Rate is set
	Window       // the instants at which fees are discounted
}

// Validate reports whether d is well formed: a rate between 0% and 100%
// or a non-negative amount with a currency (exactly one of the two), and a
// window whose Until, when both bounds are set, is after From. Errors wrap
// [ErrInvalidDiscount].
func (d Discount) Validate() error {
	switch hasRate, hasAmount := !d.Rate.IsZero(), d.Amount != (Money{}); {
	case hasRate && hasAmount:
		return fmt.Errorf("%w: both a rate (%s) and an amount (%s); set one", ErrInvalidDiscount, d.Rate, d.Amount)
	case !hasRate && !hasAmount:
		return fmt.Errorf("%w: no rate and no amount; set one", ErrInvalidDiscount)
	case d.Rate.micro < 0 || d.Rate.micro > rateScale:
		return fmt.Errorf("%w: rate %s is outside 0%%..100%%", ErrInvalidDiscount, d.Rate)
	case d.Amount.minor < 0:
		return fmt.Errorf("%w: amount %s is negative", ErrInvalidDiscount, d.Amount)
	}
	if err := d.Window.validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidDiscount, err)
	}
	return nil
}

// Apply returns fee, charged at instant at, after the discount: fee
// unchanged outside the window; inside it fee × (100% − Rate) rounded
// half-even, or max(0, fee − Amount). It fails with [ErrInvalidDiscount],
// [ErrNegativeFee], or [ErrCurrencyMismatch] for a fixed amount in another
// currency than the fee.
func (d Discount) Apply(fee Money, at time.Time) (Money, error) {
	if err := d.Validate(); err != nil {
		return Money{}, err
	}
	if err := checkFee(fee); err != nil {
		return Money{}, err
	}
	if !d.Contains(at) {
		return fee, nil
	}
	if d.Amount != (Money{}) {
		if d.Amount.cur != fee.cur {
			return Money{}, fmt.Errorf("discount %s: %w", d.Amount, mismatch(d.Amount.Currency(), fee.Currency()))
		}
		return Money{minor: max(0, fee.minor-d.Amount.minor), cur: fee.cur}, nil
	}
	v, _ := mul64(uint64(fee.minor), uint64(rateScale-d.Rate.micro)).divRound(rateScale) // at most fee: fits
	return Money{minor: int64(v), cur: fee.cur}, nil
}

// checkFee reports a fee that is negative or has no currency.
func checkFee(fee Money) error {
	if fee.cur == 0 {
		return fmt.Errorf("%w: fee %s has no currency", ErrCurrencyMismatch, fee)
	}
	if fee.minor < 0 {
		return fmt.Errorf("%w: %s", ErrNegativeFee, fee)
	}
	return nil
}

// Charge is a fee charged at an instant, such as one month's line of an
// invoice.
type Charge struct {
	At  time.Time // when the fee is charged, e.g. the start of the month billed
	Fee Money     // the fee, after any discount
}

// Commitment is a minimum total of fees over a term: when the fees charged
// inside the Window sum to less than Amount, a true-up charges the
// difference at the term's end. A commitment's window has both bounds.
type Commitment struct {
	Amount Money // the committed total of fees over the term
	Window       // the term; both From and Until are set
}

// Validate reports whether c is well formed: a non-negative amount with a
// currency and a term with both bounds, Until after From. Errors wrap
// [ErrInvalidCommitment].
func (c Commitment) Validate() error {
	switch {
	case c.Amount == (Money{}):
		return fmt.Errorf("%w: no amount", ErrInvalidCommitment)
	case c.Amount.minor < 0:
		return fmt.Errorf("%w: amount %s is negative", ErrInvalidCommitment, c.Amount)
	case c.From.IsZero() || c.Until.IsZero():
		return fmt.Errorf("%w: the term needs both from and until", ErrInvalidCommitment)
	}
	if err := c.Window.validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidCommitment, err)
	}
	return nil
}

// TrueUp returns the amount charged at the end of the term: max(0, Amount
// − the sum of the fees of the charges inside the term), exactly. Charges
// outside the term are ignored. It fails with [ErrInvalidCommitment],
// [ErrNegativeFee], [ErrCurrencyMismatch] for a fee in term in another
// currency, or [ErrOverflow] when the fees do not add up in int64 minor
// units.
func (c Commitment) TrueUp(charges []Charge) (Money, error) {
	if err := c.Validate(); err != nil {
		return Money{}, err
	}
	sum := Money{cur: c.Amount.cur}
	for _, ch := range charges {
		if !c.Contains(ch.At) {
			continue
		}
		if err := checkFee(ch.Fee); err != nil {
			return Money{}, fmt.Errorf("charge at %s: %w", ch.At.Format(time.RFC3339), err)
		}
		var err error
		if sum, err = sum.Add(ch.Fee); err != nil {
			return Money{}, fmt.Errorf("charge at %s: %w", ch.At.Format(time.RFC3339), err)
		}
	}
	return Money{minor: max(0, c.Amount.minor-sum.minor), cur: c.Amount.cur}, nil
}

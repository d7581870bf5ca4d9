package billing

import (
	"errors"

	"fmt"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
)

// ErrInvalidTerms reports a [Billing] whose discounts or commitments fail
// [Billing.Validate].
var ErrInvalidTerms = fault.New(fault.BadRequest, "invalid billing terms")

// Billing is what a contract says about how it is billed, beyond the
// catalog's prices: its own fee when the catalog does not price its tier,
// the tier it moves to when a migration takes effect, and the discounts and
// commitments it negotiated. The zero value bills the catalog's prices with
// no discount and no commitment. Share read-only.
type Billing struct {
	// Fee is the monthly fee of a tier the catalog gives no price, such as
	// a legacy tier whose fee was negotiated (Looker Premier). It is
	// charged whatever the spend, prorated by days in the month the
	// contract starts and in a month it moves to or from the tier. The
	// zero Money when the catalog prices the tier.
	Fee money.Money
	// MovesTo is the tier (id or alias) the contract moves to when a
	// migration of its tier takes effect; it must be one of the
	// migration's targets. Empty when no migration takes effect before
	// the end of the billed months; a migration that took effect before
	// them needs it too, unless the contract already names the tier it
	// moved to.
	MovesTo string
	// Discounts apply in order, each to what the previous ones left.
	Discounts []Discount
	// Commitments each add a true-up line at the end of their term.
	Commitments []Commitment
}

// Discount is a negotiated reduction of the monthly fees: either a
// percentage (Rate) or a fixed amount per month (Amount), never both. It
// applies to every month inside the window [From, Until); both must be the
// first instant of a month in UTC, and a zero Until leaves the window open.
// A discount never takes a month below zero: a fixed amount larger than
// what the month's fees and the previous discounts left takes the month to
// zero, and its invoice line's reason says it was capped.
type Discount struct {
	Name   string      // what the discount is, for the invoice line's reason, e.g. "partner"
	Rate   money.Rate  // the share of the month's fees taken off; zero for a fixed discount
	Amount money.Money // the amount taken off each month; the zero Money for a percentage
	From   time.Time   // first month the discount applies to
	Until  time.Time   // first month it no longer applies to; zero for open-ended
}

// Commitment is a minimum commitment over a term: the net fees (after
// discounts) of the months in [From, Until) must add up to at least
// Amount, and the last month of the term carries a true-up line of
// max(0, Amount − those fees). From and Until must be the first instants
// of two months in UTC, From before Until.
type Commitment struct {
	Name   string      // what the commitment is, for the true-up line's reason
	Amount money.Money // the least the term's net fees add up to
	From   time.Time   // first month of the term
	Until  time.Time   // first month after the term
}

// Validate reports whether b's terms are well formed in currency cur (the
// currency of the invoice): discounts with exactly one of a rate (at most
// 100%) and a non-negative amount in cur, commitments with a non-negative
// amount in cur, and windows and terms on month boundaries. A set Fee must
// be non-negative and in cur. Errors wrap [ErrInvalidTerms].
func (b *Billing) Validate(cur string) error {
	if b.Fee != (money.Money{}) {
		if err := nonNegativeIn("fee", b.Fee, cur); err != nil {
			return fmt.Errorf("%w: %s", ErrInvalidTerms, err)
		}
	}
	for i := range b.Discounts {
		if err := b.Discounts[i].validate(cur); err != nil {
			return fmt.Errorf("%w: discount %d: %s", ErrInvalidTerms, i+1, err)
		}
	}
	for i := range b.Commitments {
		if err := b.Commitments[i].validate(cur); err != nil {
			return fmt.Errorf("%w: commitment %d: %s", ErrInvalidTerms, i+1, err)
		}
	}
	return nil
}

func (d *Discount) validate(cur string) error {
	switch {
	case d.Rate.IsZero() == (d.Amount == (money.Money{})):
		return errors.New("give either a rate or an amount")
	case !d.Rate.InRange():
		return fmt.Errorf("rate %s is outside 0%%..100%%", d.Rate)
	case d.Amount != (money.Money{}):
		if err := nonNegativeIn("amount", d.Amount, cur); err != nil {
			return err
		}
	}
	return window(d.From, d.Until, false)
}

func (c *Commitment) validate(cur string) error {
	if err := nonNegativeIn("amount", c.Amount, cur); err != nil {
		return err
	}
	return window(c.From, c.Until, true)
}

// nonNegativeIn checks that m, the terms' what, is a non-negative amount in
// currency cur.
func nonNegativeIn(what string, m money.Money, cur string) error {
	if m.Currency() != cur || m.Minor() < 0 {
		return fmt.Errorf("%s %s is not a non-negative amount in %s", what, m, cur)
	}
	return nil
}

// window checks that from and until are month starts in UTC with from
// before until; until may be zero unless closed, for an open window (no
// until is 0001-01-01, which is not after any from). From is an instant
// like any other: 0001-01-01 is the first month.
func window(from, until time.Time, closed bool) error {
	if !isMonthStart(from) {
		return fmt.Errorf("from %s is not the first instant of a month in UTC", FormatInstant(from))
	}
	if until.IsZero() && !closed {
		return nil
	}
	if !isMonthStart(until) {
		return fmt.Errorf("until %s is not the first instant of a month in UTC", FormatInstant(until))
	}
	if !from.Before(until) {
		return fmt.Errorf("until %s is not after from %s", FormatInstant(until), FormatInstant(from))
	}
	return nil
}

// isMonthStart reports whether t is midnight UTC on the first of a month,
// 0001-01-01 too.
func isMonthStart(t time.Time) bool {
	u := t.UTC()
	return u.Day() == 1 && u.Hour() == 0 && u.Minute() == 0 && u.Second() == 0 && u.Nanosecond() == 0
}

// in reports whether the month starting at m is inside [from, until), a
// zero until being open.
func in(m, from, until time.Time) bool {
	return !m.Before(from) && (until.IsZero() || m.Before(until))
}

// Off returns what d takes off fees (≥ 0, in d's currency for a fixed
// discount): fees × Rate rounded half-even once, or Amount, never more than
// fees. It fails with [money.ErrCurrencyMismatch] when a fixed discount's
// currency is not that of fees and [ErrInvalidTerms] for negative fees.
func (d Discount) Off(fees money.Money) (money.Money, error) {
	if fees.Minor() < 0 {
		return money.Money{}, fmt.Errorf("%w: fees %s are negative", ErrInvalidTerms, fees)
	}
	if d.Amount != (money.Money{}) {
		if d.Amount.CurrencyID() != fees.CurrencyID() {
			return money.Money{}, money.Mismatch(d.Amount.Currency(), fees.Currency())
		}
		return money.FromMinor(min(d.Amount.Minor(), fees.Minor()), fees.CurrencyID()), nil
	}
	v, _ := mul64(uint64(fees.Minor()), uint64(d.Rate.MicroPercent())).divRound(money.RateScale) // ≤ fees: the rate is at most 100%
	return money.FromMinor(min(int64(v), fees.Minor()), fees.CurrencyID()), nil
}

// TrueUp returns the true-up charged at the end of c's term when the
// term's net fees add up to fees: max(0, Amount − fees). It fails with
// [money.ErrCurrencyMismatch] when the currencies differ.
func (c Commitment) TrueUp(fees money.Money) (money.Money, error) {
	if c.Amount.CurrencyID() != fees.CurrencyID() || fees.CurrencyID() == 0 {
		return money.Money{}, money.Mismatch(c.Amount.Currency(), fees.Currency())
	}
	return money.FromMinor(max(0, c.Amount.Minor()-max(fees.Minor(), 0)), fees.CurrencyID()), nil
}

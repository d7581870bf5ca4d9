package rules

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// Invoice bills the contract c over months from the spends of its accounts:
// one fee line per month and per tier billed in it, then the month's
// discounts, then any true-up (see billing.Billing.Apply), and the total.
//
// The spends of a month are summed over every account given (AWS and Google
// Cloud price support on the aggregated spend of the accounts under one
// payer); a month without spends has a spend of zero, so that it still
// pays the tier's minimum. Months are calendar months in UTC.
//
// Each month pays the price version the catalog's billing.priceVersion
// picks (see PriceAt); while a migration holds the price (holdPriceUntil,
// evaluated for the contract at the first instant of months), every tier
// pays the version in force at the contract's start. When the first
// migration that applies takes effect within months, the contract moves to
// c.Billing.MovesTo, one of the migration's targets: the days of that month
// before the day the move takes effect are billed on the old tier, the
// rest on the new one, each prorated with its own price's proration rule
// (a move on the first of a month bills the whole month on the new tier).
// A tier the catalog does not price, such as a legacy tier, bills
// c.Billing.Fee every month whatever the spend, prorated by days.
//
// Errors: those of PriceAt; billing.ErrInvalidPeriod for bad months or
// a spend outside them; billing.ErrNegativeSpend;
// money.ErrCurrencyMismatch for a spend or fee in another currency
// than the tier's price; ErrNoPrice for an unpriced tier without
// c.Billing.Fee; ErrInvalidContract for a move without a valid MovesTo or a
// MovesTo without a move; billing.ErrInvalidTerms; and the errors of
// the migration's expressions. Invoice is safe for concurrent use.
func (e *Engine) Invoice(c entitlement.Contract, months billing.Months, spends []billing.Spend) (billing.Invoice, error) {
	inv, err := e.invoice(&c, months, spends)
	if err != nil {
		return billing.Invoice{}, fmt.Errorf("invoice of %s: %w", describeContract(&c), err)
	}
	return inv, nil
}

// payer is how one tier bills a contract: the catalog's price versions,
// or the contract's own fee for a tier the catalog does not price.
type payer struct {
	t   *tier
	own *billing.Price // the contract's fee as a flat price; nil when the catalog prices t
	cur string
}

// invoicing is one contract's invoice in the making.
type invoicing struct {
	e         *Engine
	c         *entitlement.Contract
	from, to  payer
	moveAt    time.Time // when the contract moves to to; zero when it does not move
	migration string
	heldUntil time.Time
	// reason caches the last fee line's reason, which every whole month
	// on the same tier and version repeats.
	reason struct {
		t            *tier
		version, why int
		text         string
	}
}

func (e *Engine) invoice(c *entitlement.Contract, months billing.Months, spends []billing.Spend) (billing.Invoice, error) {
	if err := months.Validate(); err != nil {
		return billing.Invoice{}, err
	}
	var in contractInput
	if err := e.input(c, months.Start(0), &in); err != nil {
		return billing.Invoice{}, err
	}
	iv := invoicing{e: e, c: c}
	if err := iv.move(&in, months); err != nil {
		return billing.Invoice{}, err
	}
	cur, err := iv.currency()
	if err != nil {
		return billing.Invoice{}, err
	}
	zero, err := money.NewMoney(0, cur)
	if err != nil {
		return billing.Invoice{}, err
	}
	var buf [12]money.Money
	sums := buf[:0]
	if months.Count > len(buf) {
		sums = make([]money.Money, 0, months.Count)
	}
	for range months.Count {
		sums = append(sums, zero)
	}
	if err := sumSpends(sums, months, spends); err != nil {
		return billing.Invoice{}, err
	}
	var feeBuf [13]billing.InvoiceLine // a year and the month of a move, on the stack
	fees := feeBuf[:0]
	start := months.Start(0)
	for i := range months.Count {
		next := start.AddDate(0, 1, 0)
		if fees, err = iv.month(fees, start, next, sums[i]); err != nil {
			return billing.Invoice{}, err
		}
		start = next
	}
	return c.Billing.Apply(c.Account, months, fees)
}

// move settles which tier the contract starts on and, when the first
// migration that applies takes effect before the end of months, the tier
// it moves to and when.
func (iv *invoicing) move(in *contractInput, months billing.Months) error {
	c := iv.c
	iv.from.t = in.t
	mv, err := firstMigration(iv.e.migrations, &in.v)
	if err != nil {
		return err
	}
	if mv != nil {
		iv.heldUntil = mv.heldUntil
	}
	if mv == nil || !mv.effective.Before(months.Start(months.Count)) {
		if mv == nil && c.Billing.MovesTo != "" {
			return fmt.Errorf("%w: Billing.MovesTo is %q but no migration applies to tier %q", ErrInvalidContract, c.Billing.MovesTo, in.t.id)
		}
		return iv.from.settle(c)
	}
	if c.Billing.MovesTo == "" {
		return fmt.Errorf("%w: migration %q moves the contract off tier %q at %s, within %s: set Billing.MovesTo to one of %v",
			ErrInvalidContract, mv.m.id, in.t.id, billing.FormatEffective(mv.effective), months, mv.m.toIDs)
	}
	to, err := iv.e.tier(c.Billing.MovesTo)
	if err != nil {
		return err
	}
	if !slices.Contains(mv.m.toIDs, to.id) {
		return fmt.Errorf("%w: Billing.MovesTo %q is not a target of migration %q (%v)", ErrInvalidContract, c.Billing.MovesTo, mv.m.id, mv.m.toIDs)
	}
	iv.to.t, iv.moveAt, iv.migration = to, mv.effective, mv.m.id
	if err := iv.to.settle(c); err != nil {
		return err
	}
	if !iv.moveAt.After(months.Start(0)) {
		iv.from = iv.to // moved before the first month: the old tier is never billed
		return nil
	}
	return iv.from.settle(c)
}

// settle finds how p's tier bills the contract: its prices, or the
// contract's own fee.
func (p *payer) settle(c *entitlement.Contract) error {
	if p.t.price != nil {
		p.cur = p.t.price.Currency
		return nil
	}
	if c.Billing.Fee == (money.Money{}) {
		return fmt.Errorf("%w: tier %q has none in the catalog: give the contract's own monthly fee (Billing.Fee)", ErrNoPrice, p.t.id)
	}
	if c.Billing.Fee.Sign() < 0 {
		return fmt.Errorf("%w: the contract's fee %s is negative", billing.ErrInvalidTerms, c.Billing.Fee)
	}
	p.cur = c.Billing.Fee.Currency()
	p.own = &billing.Price{Currency: p.cur, Minimum: c.Billing.Fee}
	return nil
}

// currency returns the invoice's currency: that of every tier billed.
func (iv *invoicing) currency() (string, error) {
	if iv.to.t != nil && iv.to.cur != iv.from.cur {
		return "", fmt.Errorf("%w: tier %q bills in %s and tier %q in %s", money.ErrCurrencyMismatch, iv.from.t.id, iv.from.cur, iv.to.t.id, iv.to.cur)
	}
	return iv.from.cur, nil
}

// sumSpends adds up the spends of each month of months into sums, which
// start at zero in the invoice's currency.
func sumSpends(sums []money.Money, months billing.Months, spends []billing.Spend) error {
	for k := range spends {
		s := &spends[k]
		i := months.Index(s.Year, s.Month)
		if i < 0 {
			return fmt.Errorf("%w: spend of account %q for %04d-%02d is outside the invoiced months %s", billing.ErrInvalidPeriod, s.Account, s.Year, int(s.Month), months)
		}
		if s.Amount.Currency() != sums[i].Currency() {
			return fmt.Errorf("spend of account %q for %04d-%02d: %w", s.Account, s.Year, int(s.Month), money.Mismatch(s.Amount.Currency(), sums[i].Currency()))
		}
		if s.Amount.Sign() < 0 {
			return fmt.Errorf("spend of account %q for %04d-%02d: %w: %s", s.Account, s.Year, int(s.Month), billing.ErrNegativeSpend, s.Amount)
		}
		sum, err := sums[i].Add(s.Amount)
		if err != nil {
			return fmt.Errorf("spends for %04d-%02d: %w", s.Year, int(s.Month), err)
		}
		sums[i] = sum
	}
	return nil
}

// month appends the fee lines of the month from start to next, whose
// spends add up to spend.
func (iv *invoicing) month(fees []billing.InvoiceLine, start, next time.Time, spend money.Money) ([]billing.InvoiceLine, error) {
	whole := billing.MonthPeriod(start.Year(), start.Month())
	switch {
	case iv.to.t == nil || !iv.moveAt.After(start) || (iv.moveAt.Before(next) && iv.moveAt.UTC().Day() == 1):
		p := &iv.from
		if iv.to.t != nil {
			p = &iv.to
		}
		return iv.line(fees, p, whole, slices.MaxFunc([]time.Time{start, iv.moveAt}, time.Time.Compare), spend)
	case !iv.moveAt.Before(next):
		return iv.line(fees, &iv.from, whole, start, spend)
	}
	d := iv.moveAt.UTC().Day()
	fees, err := iv.line(fees, &iv.from, whole.Ending(d-1), start, spend)
	if err != nil {
		return nil, err
	}
	return iv.line(fees, &iv.to, whole.Starting(d), iv.moveAt, spend)
}

// line appends the fee line of p's tier for period, billed at the instant
// billed, at the month's spend.
func (iv *invoicing) line(fees []billing.InvoiceLine, p *payer, period billing.Period, billed time.Time, spend money.Money) ([]billing.InvoiceLine, error) {
	price, version := p.own, -1
	if price == nil {
		i, err := iv.e.versionOf(p.t, iv.c, billed, iv.heldUntil)
		if err != nil {
			return nil, err
		}
		price, version = &p.t.prices[i].Price, i
	}
	l := billing.InvoiceLine{Period: period, Tier: p.t.id, Kind: billing.ChargeFee, Spend: spend}
	if period.First == 0 && period.Last == 0 {
		fee, err := price.Fee(spend)
		if err != nil {
			return nil, fmt.Errorf("fee of tier %q for %s: %w", p.t.id, period, err)
		}
		l.Amount, l.Reason = fee, iv.feeReason(p, version, billed)
		return append(fees, l), nil
	}
	q, err := price.QuotePeriod(spend, period)
	if err != nil {
		return nil, fmt.Errorf("fee of tier %q for %s: %w", p.t.id, period, err)
	}
	l.Amount = q.Total
	if q.Prorated() {
		l.Kind = billing.ChargeProratedFee
	}
	l.Reason = iv.feeReason(p, version, billed) + "; " + strconv.Itoa(q.BilledDays) + " of " + strconv.Itoa(q.MonthDays) +
		" days billed (" + q.Proration.String() + ") of " + q.Monthly.String() + " for the month" + iv.moveReason(p)
	return append(fees, l), nil
}

// moveReason says why a prorated line is prorated: the move.
func (iv *invoicing) moveReason(p *payer) string {
	if p == &iv.to {
		return "; moved here by migration " + iv.migration + " at " + billing.FormatEffective(iv.moveAt)
	}
	return "; left by migration " + iv.migration + " at " + billing.FormatEffective(iv.moveAt)
}

// feeReason says which price a fee line of p's tier pays: the contract's
// own fee, or a version of the catalog's prices and why that version.
func (iv *invoicing) feeReason(p *payer, version int, billed time.Time) string {
	why := iv.why(billed)
	r := &iv.reason
	if r.t != p.t || r.version != version || r.why != why {
		r.t, r.version, r.why, r.text = p.t, version, why, iv.priceReason(p, version, why)
	}
	return r.text
}

// priceReason says which price a fee line of p's tier pays, as feeReason
// caches it.
func (iv *invoicing) priceReason(p *payer, version, why int) string {
	if p.own != nil {
		return p.t.id + ": the contract's own fee of " + p.own.Minimum.String() + " a month"
	}
	v := &p.t.prices[version]
	text := p.t.id + ": the catalog's price"
	if len(p.t.prices) > 1 || !v.Effective.IsZero() {
		text = p.t.id + ": the price effective " + billing.FormatEffective(v.Effective)
		switch why {
		case whyHeld:
			text += ", the contract's start's, held until " + billing.FormatEffective(iv.heldUntil)
		case whyBilled:
			text += ", in force when billed"
		case whyStart:
			text += ", in force at the contract's start (" + billing.FormatEffective(iv.c.Start) + ") until its renewal"
		default:
			text += ", in force at the renewal (" + billing.FormatEffective(iv.c.Renewal) + ")"
		}
	}
	return text
}

// Why a fee line pays the price version it pays.
const (
	whyHeld    = iota // a migration holds the price of the contract's start
	whyBilled         // billing.priceVersion: billed
	whyStart          // the contract's start's version, before the renewal
	whyRenewal        // the renewal's version
)

// why says why a fee line billed at the instant billed pays its version.
func (iv *invoicing) why(billed time.Time) int {
	switch {
	case billed.Before(iv.heldUntil):
		return whyHeld
	case iv.e.versionPolicy == billing.VersionAtBilled:
		return whyBilled
	case iv.c.Renewal.IsZero() || billed.Before(iv.c.Renewal):
		return whyStart
	}
	return whyRenewal
}

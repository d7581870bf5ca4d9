package rules

import (
	"fmt"
	"math"
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
// payer). Spends of months other than those given are not billed: they
// belong to other invoices. A billed month without a spend row has a spend of zero, so that it still pays the tier's minimum,
// and the invoice warns about it (billing.Invoice.Warnings).
//
// The contract is billed from its start (c.Start): months wholly before it
// are not billed, and their spends are ignored with a warning, because a
// spends export usually covers the payer's usage from before the support
// contract began; months that all end before the start are refused. The
// month of the start is prorated by the price's proration rule from the
// start's day: by days for billing.ProrateByDays and
// billing.BillToMonthEnd, in full for billing.BillFullMonth. A contract
// without a start is billed over all of months.
//
// Each month pays the price version the catalog's billing.priceVersion
// picks (see PriceAt); while a migration holds the price (holdPriceUntil,
// evaluated for the contract at the first instant of months), every tier
// pays the version in force at the contract's start. When the first
// migration that applies takes effect before the end of months, the
// contract moves to c.Billing.MovesTo, one of the migration's targets.
// The month of the move is billed once, split at the day the move takes
// effect: the old tier bills the days before it and the new tier the
// days from it, each by days whatever its price's proration rule, as
// Stripe and Chargebee prorate a change of plan in the middle of a period
// (https://docs.stripe.com/billing/subscriptions/prorations). The
// proration rules say how a subscription that starts or ends is billed; a
// move does neither, so no month bills two tiers' full fees. A move on the
// first of a month bills the whole month on the new tier. A tier the
// catalog does not price, such as a legacy tier, bills c.Billing.Fee every
// month whatever the spend, prorated by days. The days and months of the
// start and of a move are those of the contract's zone (c.Zone, UTC when
// empty): a start at midnight in Tokyo on 11 April bills from 11 April.
//
// Errors: those of PriceAt; billing.ErrInvalidPeriod for bad months or
// months before the contract's start; billing.ErrNegativeSpend;
// money.ErrCurrencyMismatch for a spend or fee in another currency than
// the tier's price; ErrNoPrice for an unpriced tier without
// c.Billing.Fee; ErrInvalidContract for a renewal before the start, a move
// without a valid MovesTo (the error says whether the move took effect
// before or within the billed months) or a MovesTo without a move;
// billing.ErrInvalidTerms; and the errors of the migration's expressions.
// Invoice is safe for concurrent use.
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
	loc       *time.Location // the contract's zone, whose calendar says on which day it starts and moves
	startAt   time.Time      // the first instant billed: the later of the months' and the contract's start
	start     day            // the day of the contract's start; before every month when it has none
	moveAt    time.Time      // when the contract moves to to; zero when it does not move
	moveDay   day            // the day of moveAt
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
	iv := invoicing{e: e, c: c, loc: time.UTC, start: day{month: math.MinInt, day: 1}}
	if c.Zone != "" {
		iv.loc, _ = loadZone(c.Zone) // input loaded it
	}
	billed, err := iv.billedMonths(months)
	if err != nil {
		return billing.Invoice{}, err
	}
	iv.startAt = slices.MaxFunc([]time.Time{billed.Start(0), c.Start}, time.Time.Compare)
	if err := iv.move(&in, billed); err != nil {
		return billing.Invoice{}, err
	}
	cur, err := iv.currency()
	if err != nil {
		return billing.Invoice{}, err
	}
	var buf [12]money.Money
	sums := buf[:0]
	if billed.Count > len(buf) {
		sums = make([]money.Money, 0, billed.Count)
	}
	sums = sums[:billed.Count] // the zero Money: no spend row yet
	before, outside, err := sumSpends(sums, cur, months, billed, spends)
	if err != nil {
		return billing.Invoice{}, err
	}
	warnings := iv.warnBefore(nil, months, billed, before)
	var feeBuf [13]billing.InvoiceLine // a year and the month of a move, on the stack
	fees := feeBuf[:0]
	start := billed.Start(0)
	for i := range billed.Count {
		next := start.AddDate(0, 1, 0)
		if sums[i] == (money.Money{}) {
			sums[i], _ = money.NewMoney(0, cur) // cur is a price's or fee's currency: known
			warnings = append(warnings, billed.Period(i).String()+": no spend row, billed at a spend of "+sums[i].String())
		}
		if fees, err = iv.month(fees, start, sums[i]); err != nil {
			return billing.Invoice{}, err
		}
		start = next
	}
	if outside > 0 {
		warnings = append(warnings, spendRows(outside)+" outside the invoiced months "+months.String()+": not billed")
	}
	inv, err := c.Billing.Apply(c.Account, billed, fees)
	if err != nil {
		return billing.Invoice{}, err
	}
	inv.Months, inv.Warnings = months, warnings
	return inv, nil
}

// day is a calendar day in the contract's zone: a month counted from
// January of the year 0, and a day of that month.
type day struct{ month, day int }

// dayOf returns the day of t in the contract's zone.
func (iv *invoicing) dayOf(t time.Time) day {
	y, m, d := t.In(iv.loc).Date()
	return day{month: monthNumber(y, m), day: d}
}

// monthNumber counts the month of year from January of the year 0.
func monthNumber(year int, month time.Month) int { return year*12 + int(month) - 1 }

// billedMonths returns the months of months that bill the contract: those
// from the month of its start on (in its zone), whose day it sets. It
// refuses a renewal before the start and months that all end before the
// start.
func (iv *invoicing) billedMonths(months billing.Months) (billing.Months, error) {
	c := iv.c
	if c.Renewal != nil && c.Renewal.Before(c.Start) {
		return billing.Months{}, fmt.Errorf("%w: the renewal %s is before the start %s", ErrInvalidContract,
			billing.FormatInstant(*c.Renewal), billing.FormatInstant(c.Start))
	}
	iv.start = iv.dayOf(c.Start)
	i := iv.start.month - monthNumber(months.Year, months.Month)
	switch {
	case i <= 0:
		return months, nil
	case i >= months.Count:
		return billing.Months{}, fmt.Errorf("%w: the invoiced months %s end before the contract's start %s: there is nothing to bill",
			billing.ErrInvalidPeriod, months, billing.FormatInstant(c.Start))
	}
	return billing.Months{Year: iv.start.month / 12, Month: time.Month(iv.start.month%12 + 1), Count: months.Count - i}, nil
}

// warnBefore appends to warnings the one about the months of months before
// billed, those before the contract's start, in which before spend rows
// fall.
func (iv *invoicing) warnBefore(warnings []string, months, billed billing.Months, before int) []string {
	if billed.Count == months.Count {
		return warnings
	}
	early := billing.Months{Year: months.Year, Month: months.Month, Count: months.Count - billed.Count}
	w := early.String() + ": before the contract's start " + billing.FormatInstant(iv.c.Start) + ", not billed"
	if before > 0 {
		w += " (" + spendRows(before) + " ignored)"
	}
	return append(warnings, w)
}

// spendRows says "1 spend row" or "n spend rows".
func spendRows(n int) string {
	if n == 1 {
		return "1 spend row"
	}
	return strconv.Itoa(n) + " spend rows"
}

// move settles which tier the contract starts on and, when the first
// migration that applies takes effect before the end of billed, the tier
// it moves to and when.
func (iv *invoicing) move(in *contractInput, billed billing.Months) error {
	c := iv.c
	iv.from.t = in.t
	mv, err := firstMigration(iv.e.migrations, &in.v, iv.e.cov)
	if err != nil {
		return err
	}
	if mv != nil {
		iv.heldUntil, iv.moveDay = mv.heldUntil, iv.dayOf(mv.effective)
	}
	first := monthNumber(billed.Year, billed.Month)
	if mv == nil || iv.moveDay.month >= first+billed.Count {
		if mv == nil && c.Billing.MovesTo != "" {
			return fmt.Errorf("%w: Billing.MovesTo is %q but no migration applies to tier %q", ErrInvalidContract, c.Billing.MovesTo, in.t.id)
		}
		return iv.from.settle(c)
	}
	if c.Billing.MovesTo == "" {
		if iv.moveDay.month < first {
			return fmt.Errorf("%w: migration %q moved the contract off tier %q at %s, before %s: give the tier it moved to as the contract's tier, or set Billing.MovesTo to one of %v",
				ErrInvalidContract, mv.m.id, in.t.id, billing.FormatEffective(mv.effective), billed, mv.m.toIDs)
		}
		return fmt.Errorf("%w: migration %q moves the contract off tier %q at %s, within %s: set Billing.MovesTo to one of %v",
			ErrInvalidContract, mv.m.id, in.t.id, billing.FormatEffective(mv.effective), billed, mv.m.toIDs)
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
	if !iv.moveAt.After(iv.startAt) {
		iv.from = iv.to // moved before the first instant billed: the old tier is never billed
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

// sumSpends adds up the spends of each month of billed into sums, whose
// zero Money means no spend row yet. Every spend must be a non-negative
// amount in cur; it returns how many fall in months before billed (before
// the contract's start) and how many outside months, which it does not
// add.
func sumSpends(sums []money.Money, cur string, months, billed billing.Months, spends []billing.Spend) (before, outside int, err error) {
	for k := range spends {
		s := &spends[k]
		if s.Amount.Currency() != cur {
			return 0, 0, fmt.Errorf("spend of account %q for %04d-%02d: %w", s.Account, s.Year, int(s.Month), money.Mismatch(s.Amount.Currency(), cur))
		}
		if s.Amount.Sign() < 0 {
			return 0, 0, fmt.Errorf("spend of account %q for %04d-%02d: %w: %s", s.Account, s.Year, int(s.Month), billing.ErrNegativeSpend, s.Amount)
		}
		i := billed.Index(s.Year, s.Month)
		switch {
		case i >= 0 && sums[i] == (money.Money{}):
			sums[i] = s.Amount
		case i >= 0:
			if sums[i], err = sums[i].Add(s.Amount); err != nil {
				return 0, 0, fmt.Errorf("spends for %04d-%02d: %w", s.Year, int(s.Month), err)
			}
		case months.Index(s.Year, s.Month) >= 0:
			before++
		default:
			outside++
		}
	}
	return before, outside, nil
}

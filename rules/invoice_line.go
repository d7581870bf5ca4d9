package rules

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

// part is the days of one month that one tier bills.
type part struct {
	p      *payer
	period billing.Period // the days, before the price's proration rule
	billed time.Time      // the instant whose price version the part pays
	byDays bool           // one side of a move: billed by days whatever the price's rule
	starts bool           // the part begins at the contract's start
}

// month appends the fee lines of the month that starts at start, whose
// spends add up to spend: one line, or one on each side of a move that
// takes effect after the month's first billed day. Days are those of the
// contract's zone.
func (iv *invoicing) month(fees []billing.InvoiceLine, start time.Time, spend money.Money) ([]billing.InvoiceLine, error) {
	whole := billing.MonthPeriod(start.Year(), start.Month())
	ym := monthNumber(start.Year(), start.Month())
	first := 1 // the first billed day
	if iv.start.month == ym {
		first = iv.start.day
	}
	if first > 1 {
		whole = whole.Starting(first)
	}
	if iv.to.t == nil || iv.moveDay.month > ym {
		return iv.line(fees, part{p: &iv.from, period: whole, billed: iv.startAt, starts: first > 1}.at(start), spend)
	}
	d := 1 // the day of the move in this month
	if iv.moveDay.month == ym {
		d = iv.moveDay.day
	}
	if d <= first { // the whole month billed is on the new tier
		on := slices.MaxFunc([]time.Time{start, iv.startAt, iv.moveAt}, time.Time.Compare)
		return iv.line(fees, part{p: &iv.to, period: whole, billed: on, starts: first > 1}, spend)
	}
	fees, err := iv.line(fees, part{p: &iv.from, period: whole.Ending(d - 1), byDays: true, starts: first > 1}.at(start), spend)
	if err != nil {
		return nil, err
	}
	return iv.line(fees, part{p: &iv.to, period: billing.MonthPeriod(start.Year(), start.Month()).Starting(d), billed: iv.moveAt, byDays: true}, spend)
}

// at returns pt billed at the later of the month's start and the
// contract's start.
func (pt part) at(start time.Time) part {
	if pt.billed.Before(start) {
		pt.billed = start
	}
	return pt
}

// line appends the fee line of pt at the month's spend.
func (iv *invoicing) line(fees []billing.InvoiceLine, pt part, spend money.Money) ([]billing.InvoiceLine, error) {
	p := pt.p
	price, version := p.own, -1
	if price == nil {
		i, err := iv.e.versionOf(p.t, iv.c, pt.billed, iv.heldUntil)
		if err != nil {
			return nil, err
		}
		price, version = &p.t.prices[i].Price, i
	}
	if pt.byDays && price.Proration != billing.ProrateByDays {
		byDays := *price
		byDays.Proration = billing.ProrateByDays
		if pt.starts && price.Proration == billing.BillFullMonth {
			pt.period.First = 0 // a full-month price bills the month of the start from its first day
		}
		price = &byDays
	}
	if iv.e.cov != nil && version >= 0 {
		iv.e.cov.priced(p.t, version, spend, true)
	}
	l := billing.InvoiceLine{Period: pt.period, Tier: p.t.id, Kind: billing.ChargeFee, Spend: spend}
	if pt.period.First == 0 && pt.period.Last == 0 {
		fee, err := price.Fee(spend)
		if err != nil {
			return nil, fmt.Errorf("fee of tier %q for %s: %w", p.t.id, pt.period, err)
		}
		l.Amount, l.Reason = fee, iv.feeReason(p, version, pt.billed)
		return append(fees, l), nil
	}
	q, err := price.QuotePeriod(spend, pt.period)
	if err != nil {
		return nil, fmt.Errorf("fee of tier %q for %s: %w", p.t.id, pt.period, err)
	}
	l.Amount = q.Total
	if q.Prorated() {
		l.Kind = billing.ChargeProratedFee
	} else {
		l.Period = billing.MonthPeriod(pt.period.Year, pt.period.Month) // the days billed: the whole month
	}
	l.Reason = iv.feeReason(p, version, pt.billed) + "; " + strconv.Itoa(q.BilledDays) + " of " + strconv.Itoa(q.MonthDays) +
		" days billed (" + q.Proration.String() + ") of " + q.Monthly.String() + " for the month" + iv.partReason(pt)
	return append(fees, l), nil
}

// partReason says why a line bills part of a month: the contract's start,
// the move, or both.
func (iv *invoicing) partReason(pt part) string {
	text := ""
	if pt.starts {
		text = "; the contract starts at " + billing.FormatInstant(iv.c.Start)
	}
	switch {
	case !pt.byDays:
	case pt.p == &iv.to:
		text += "; moved here by migration " + iv.migration + " at " + billing.FormatEffective(iv.moveAt)
	default:
		text += "; left by migration " + iv.migration + " at " + billing.FormatEffective(iv.moveAt)
	}
	return text
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
			text += ", in force at the contract's start (" + billing.FormatInstant(iv.c.Start) + ") until its renewal"
		default:
			text += ", in force at the renewal (" + billing.FormatInstant(*iv.c.Renewal) + ")"
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
	case iv.c.Renewal == nil || billed.Before(*iv.c.Renewal):
		return whyStart
	}
	return whyRenewal
}

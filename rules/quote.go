package rules

import (
	"fmt"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

// Quote prices a whole month of the tier idOrAlias at the month's spend:
// the larger of the tier's minimum and the sum of its graduated bands,
// computed exactly and rounded half-even once to the currency's minor unit
// (see billing.Price.Quote). The quote has one line per band and its Tier
// is the tier's id, also when an alias was given.
//
// Errors: ErrUnknownTier for an unknown tier or alias, ErrNoPrice for a tier
// whose catalog entry has no price (such as a legacy tier whose fee is the
// contract's own), and the errors of billing.Price.Quote for a bad spend
// (money.ErrCurrencyMismatch, billing.ErrNegativeSpend). Quote is
// safe for concurrent use.
func (e *Engine) Quote(idOrAlias string, spend money.Money) (billing.Quote, error) {
	t, err := e.pricedTier(idOrAlias)
	if err != nil {
		return billing.Quote{}, err
	}
	q, err := t.price.Quote(spend)
	if err != nil {
		return billing.Quote{}, fmt.Errorf("quote of tier %q: %w", t.id, err)
	}
	if e.cov != nil {
		e.cov.priced(t, len(t.prices)-1, spend, true)
	}
	q.Tier = t.id
	return q, nil
}

// QuotePeriod prices the part of a month given by period at the whole
// month's spend. The monthly fee, computed as by Quote, is multiplied by the
// billed days over the days in the month, following the tier's proration
// policy, and rounded half-even once (see billing.Price.QuotePeriod).
// It fails like Quote, and with billing.ErrInvalidPeriod. QuotePeriod is
// safe for concurrent use.
func (e *Engine) QuotePeriod(idOrAlias string, spend money.Money, period billing.Period) (billing.Quote, error) {
	t, err := e.pricedTier(idOrAlias)
	if err != nil {
		return billing.Quote{}, err
	}
	q, err := t.price.QuotePeriod(spend, period)
	if err != nil {
		return billing.Quote{}, fmt.Errorf("quote of tier %q for %s: %w", t.id, period, err)
	}
	if e.cov != nil {
		e.cov.priced(t, len(t.prices)-1, spend, true)
	}
	q.Tier = t.id
	return q, nil
}

// pricedTier returns the tier idOrAlias if the catalog gives it a price.
func (e *Engine) pricedTier(idOrAlias string) (*tier, error) {
	t, err := e.tier(idOrAlias)
	if err != nil {
		return nil, err
	}
	if t.price == nil {
		return nil, fmt.Errorf("%w: tier %q has none in the catalog", ErrNoPrice, t.id)
	}
	return t, nil
}

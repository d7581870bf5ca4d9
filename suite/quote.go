package suite

import (
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

// The quote question: what does a tier cost for a month, or part of one?
//
//	quote: {tier: enhanced, spend: 85000 USD, period: 2026-02-15/2026-02-28}
//	expect: {total: 6150.00 USD, lines: [1000.00 USD, 4900.00 USD, 250.00 USD, 0.00 USD]}

// quoteInput is the input of quote; period is nil for a whole month.
type quoteInput struct {
	tier   string
	spend  money.Money
	period *billing.Period
}

func readQuote(p *parser, _ field, fields []field, _ *time.Time) (quoteInput, bool) {
	var in quoteInput
	ok := true
	for _, x := range fields {
		good := true
		switch x.Key {
		case "tier":
			in.tier, good = p.d.Str(x)
		case "spend":
			in.spend, good = p.money(x)
		case "period":
			var pr billing.Period
			pr, good = p.period(x)
			in.period = &pr
		}
		ok = ok && good
	}
	return in, ok
}

func quote(e *rules.Engine, in quoteInput) (billing.Quote, error) {
	if in.period != nil {
		return e.QuotePeriod(in.tier, in.spend, *in.period)
	}
	return e.Quote(in.tier, in.spend)
}

var quoteRows = []expectation[billing.Quote]{
	expect("tier", (*parser).text, func(q billing.Quote) string { return q.Tier }, checks.eq),
	expect("total", (*parser).money, func(q billing.Quote) money.Money { return q.Total }, checks.money),
	expect("monthly", (*parser).money, func(q billing.Quote) money.Money { return q.Monthly }, checks.money),
	expect("banded", (*parser).money, func(q billing.Quote) money.Money { return q.Banded }, checks.money),
	expect("minimum", (*parser).money, func(q billing.Quote) money.Money { return q.Minimum }, checks.money),
	expect("minimumApplied", (*parser).boolean, func(q billing.Quote) bool { return q.MinimumApplied }, sprint[bool]),
	expect("billedDays", (*parser).integer, func(q billing.Quote) int { return q.BilledDays }, sprint[int]),
	expect("lines", (*parser).moneys, lineAmounts, checks.list),
}

// money compares amounts.
func (c checks) money(field string, want, got money.Money) checks {
	if want != got {
		return c.eq(field, want.String(), got.String())
	}
	return c
}

// moneys reads a list of amounts, written back as the engine writes them.
func (p *parser) moneys(f field) ([]string, bool) {
	out := []string{}
	ok := true
	for _, it := range p.d.List(f) {
		m, good := p.money(it.Field(f))
		out, ok = append(out, m.String()), ok && good
	}
	return out, ok
}

// lineAmounts returns the amount of each line of q.
func lineAmounts(q billing.Quote) []string {
	out := make([]string, len(q.Lines))
	for i, l := range q.Lines {
		out[i] = l.Amount.String()
	}
	return out
}

package client

import (
	"context"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// quoteRequest is the body of POST /v1/quote.
type quoteRequest struct {
	Tier   string `json:"tier"`
	Spend  string `json:"spend"`
	Period string `json:"period,omitempty"`
}

// Quote asks the service what a month of tier costs at spend, as
// rules.Engine.Quote answers.
func (c *Client) Quote(ctx context.Context, tier string, spend money.Money) (billing.Quote, error) {
	var a answer.Quote
	if _, err := c.Decide(ctx, "quote", quoteRequest{Tier: tier, Spend: spend.String()}, &a); err != nil {
		return billing.Quote{}, err
	}
	return quoteOf(a)
}

// QuotePeriod asks the service what period of a month of tier costs at
// spend, as rules.Engine.QuotePeriod answers.
func (c *Client) QuotePeriod(ctx context.Context, tier string, spend money.Money, period billing.Period) (billing.Quote, error) {
	var a answer.Quote
	if _, err := c.Decide(ctx, "quote", quoteRequest{Tier: tier, Spend: spend.String(), Period: period.String()}, &a); err != nil {
		return billing.Quote{}, err
	}
	q, err := quoteOf(a)
	if q.Period.String() == period.String() { // the engine keeps the period as given
		q.Period = period
	}
	return q, err
}

func quoteOf(a answer.Quote) (billing.Quote, error) {
	var err error
	q := billing.Quote{Tier: a.Tier, Spend: a.Spend, Banded: a.Banded, Minimum: a.Minimum, MinimumApplied: a.MinimumApplied,
		MaximumApplied: a.MaximumApplied, Monthly: a.Monthly, BilledDays: a.BilledDays, MonthDays: a.MonthDays, Total: a.Total}
	if a.Maximum != nil {
		q.Maximum = *a.Maximum
	}
	q.Model = parsed(billing.ParseModel, a.Model, &err)
	q.Proration = parsed(billing.ParseProration, a.Proration, &err)
	if a.Period != "" {
		q.Period = parsed(billing.ParsePeriod, a.Period, &err)
	}
	for _, l := range a.Lines {
		line := billing.Line{From: l.From, Unbounded: l.UpTo == nil, Spend: l.Spend, Rate: parsed(money.ParseRate, l.Rate, &err),
			Flat: l.Flat, Amount: l.Amount}
		if l.UpTo != nil {
			line.UpTo = *l.UpTo
		}
		q.Lines = append(q.Lines, line)
	}
	return q, err
}

// invoiceRequest is the body of POST /v1/invoice.
type invoiceRequest struct {
	Contract contractBody `json:"contract"`
	Months   string       `json:"months"`
	Spends   []spendRow   `json:"spends"`
}

// Invoice asks the service what contract k owes over months at spends, as
// rules.Engine.Invoice answers. To record which price book priced it, ask
// under WithMeta.
func (c *Client) Invoice(ctx context.Context, k entitlement.Contract, months billing.Months, spends []billing.Spend) (billing.Invoice, error) {
	var a answer.Invoice
	q := invoiceRequest{Contract: newContractBody(k), Months: months.String(), Spends: spendRows(spends)}
	if _, err := c.Decide(ctx, "invoice", q, &a); err != nil {
		return billing.Invoice{}, err
	}
	return invoiceOf(a)
}

func invoiceOf(a answer.Invoice) (billing.Invoice, error) {
	var err error
	inv := billing.Invoice{Account: a.Account, Months: parsed(billing.ParseMonths, a.Months, &err), Currency: a.Currency,
		Total: a.Total, Warnings: strs(a.Warnings)}
	for _, l := range a.Lines {
		line := billing.InvoiceLine{Period: wholeDays(parsed(billing.ParsePeriod, l.Period, &err)), Tier: l.Tier,
			Kind: parsed(billing.ParseChargeKind, l.Kind, &err), Amount: l.Amount, Reason: l.Reason}
		if l.Spend != nil {
			line.Spend = *l.Spend
		}
		inv.Lines = append(inv.Lines, line)
	}
	return inv, err
}

// wholeDays returns p as an invoice writes its periods: 0 for a First on
// the month's first day and for a Last on its last day.
func wholeDays(p billing.Period) billing.Period {
	if p.First == 1 {
		p.First = 0
	}
	if p.Last == p.DaysInMonth() {
		p.Last = 0
	}
	return p
}

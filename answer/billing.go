package answer

import (
	"slices"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

// Quote is the answer to "what does a month of a tier cost at a spend":
// the pricing model ("graduated": each band's rate on the part of the spend
// inside it; "volume": the rate of the spend's band on the whole spend),
// the spend, the minimum, the sum of the bands, the cap when there is one,
// the monthly fee, the proration policy that charges a partial month
// ("days", "month-end" or "full-month"; given for a whole month too), the
// billed part of the month when a period was priced, the total charged and
// one line per band. Every amount is a [money.Money] in its JSON form.
type Quote struct {
	Tier           string       `json:"tier"`
	Model          string       `json:"model"`
	Spend          money.Money  `json:"spend"`
	Minimum        money.Money  `json:"minimum"`
	Banded         money.Money  `json:"banded"`
	MinimumApplied bool         `json:"minimumApplied"`
	Maximum        *money.Money `json:"maximum,omitempty"`
	MaximumApplied bool         `json:"maximumApplied,omitempty"`
	Monthly        money.Money  `json:"monthly"`
	Period         string       `json:"period,omitempty"`
	Proration      string       `json:"proration"`
	BilledDays     int          `json:"billedDays,omitempty"`
	MonthDays      int          `json:"monthDays,omitempty"`
	Total          money.Money  `json:"total"`
	Lines          []QuoteLine  `json:"lines"`
}

// QuoteLine is one band of a quote: its limits (UpTo absent for the last,
// unbounded band), its rate ("7%"), the part of the spend inside it, the
// band's flat amount charged because the spend entered the band (zero in
// the price's currency when it did not, or the band has none) and its
// amount, the spend at the rate plus Flat.
type QuoteLine struct {
	From   money.Money  `json:"from"`
	UpTo   *money.Money `json:"upTo,omitempty"`
	Rate   string       `json:"rate"`
	Spend  money.Money  `json:"spend"`
	Flat   money.Money  `json:"flat"`
	Amount money.Money  `json:"amount"`
}

// NewQuote returns q as an answer; the period's fields (Period, BilledDays,
// MonthDays) are set when q is prorated or withPeriod (a period was asked
// for).
func NewQuote(q billing.Quote, withPeriod bool) Quote {
	out := Quote{
		Tier: q.Tier, Model: q.Model.String(), Proration: q.Proration.String(), Spend: q.Spend, Minimum: q.Minimum, Banded: q.Banded, MinimumApplied: q.MinimumApplied,
		MaximumApplied: q.MaximumApplied, Monthly: q.Monthly, Total: q.Total, Lines: make([]QuoteLine, 0, len(q.Lines)),
	}
	if maximum := q.Maximum; maximum != (money.Money{}) {
		out.Maximum = &maximum
	}
	if q.Prorated() || withPeriod {
		out.Period, out.BilledDays, out.MonthDays = q.Period.String(), q.BilledDays, q.MonthDays
	}
	for _, l := range q.Lines {
		ql := QuoteLine{From: l.From, Rate: l.Rate.String(), Spend: l.Spend, Flat: l.Flat, Amount: l.Amount}
		if upTo := l.UpTo; !l.Unbounded {
			ql.UpTo = &upTo
		}
		out.Lines = append(out.Lines, ql)
	}
	return out
}

// Invoice is the answer to "what does a contract owe over months": one
// line per charge, the exact total, and the warnings about inputs that did
// not stop the invoice (a billed month without a spend), when there are any.
type Invoice struct {
	Account  string        `json:"account,omitempty"`
	Months   string        `json:"months"`
	Currency string        `json:"currency"`
	Lines    []InvoiceLine `json:"lines"`
	Total    money.Money   `json:"total"`
	Warnings []string      `json:"warnings,omitempty"`
}

// InvoiceLine is one charge of an invoice; Spend is present on fee lines.
type InvoiceLine struct {
	Period string       `json:"period"`
	Tier   string       `json:"tier"`
	Kind   string       `json:"kind"`
	Spend  *money.Money `json:"spend,omitempty"`
	Amount money.Money  `json:"amount"`
	Reason string       `json:"reason"`
}

// NewInvoice returns inv as an answer.
func NewInvoice(inv billing.Invoice) Invoice {
	out := Invoice{Account: inv.Account, Months: inv.Months.String(), Currency: inv.Currency,
		Lines: make([]InvoiceLine, len(inv.Lines)), Total: inv.Total, Warnings: slices.Clone(inv.Warnings)}
	for i, l := range inv.Lines {
		out.Lines[i] = InvoiceLine{Period: l.Period.String(), Tier: l.Tier, Kind: l.Kind.String(), Amount: l.Amount, Reason: l.Reason}
		if spend := l.Spend; spend != (money.Money{}) {
			out.Lines[i].Spend = &spend
		}
	}
	return out
}

package client

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

func TestWholeDays(t *testing.T) {
	for _, tc := range []struct{ in, want billing.Period }{
		{billing.Period{Year: 2026, Month: time.February, First: 1, Last: 28}, billing.Period{Year: 2026, Month: time.February}},
		{billing.Period{Year: 2028, Month: time.February, First: 1, Last: 28}, billing.Period{Year: 2028, Month: time.February, Last: 28}},
		{billing.Period{Year: 2026, Month: time.July, First: 15, Last: 31}, billing.Period{Year: 2026, Month: time.July, First: 15}},
		{billing.Period{Year: 2026, Month: time.July, First: 1, Last: 14}, billing.Period{Year: 2026, Month: time.July, Last: 14}},
	} {
		t.Run(tc.in.String(), func(t *testing.T) { assert.Equal(t, tc.want, wholeDays(tc.in)) })
	}
}

// TestQuoteAndInvoiceThatDoNotDecode: each field of a quote or an
// invoice outside the engine's values is an error, never a silent zero
// (an unknown or missing model or proration included).
func TestQuoteAndInvoiceThatDoNotDecode(t *testing.T) {
	usd := money.MustParseMoney("1 USD")
	good := func() answer.Quote {
		return answer.Quote{Model: "volume", Proration: "month-end", Total: usd,
			Lines: []answer.QuoteLine{{Rate: "7%", UpTo: &usd, Flat: usd}, {Rate: "3%"}}}
	}
	q, err := quoteOf(good())
	require.NoError(t, err)
	assert.Equal(t, billing.Volume, q.Model)
	assert.Equal(t, billing.BillToMonthEnd, q.Proration)
	assert.Equal(t, []billing.Line{{UpTo: usd, Rate: money.MustParseRate("7%"), Flat: usd}, {Unbounded: true, Rate: money.MustParseRate("3%")}}, q.Lines)
	for _, tc := range []struct {
		name  string
		spoil func(a *answer.Quote)
	}{
		{"a rate", func(a *answer.Quote) { a.Lines[1].Rate = "lots" }},
		{"a period", func(a *answer.Quote) { a.Period = "2026-13" }},
		{"a model", func(a *answer.Quote) { a.Model = "tiered" }},
		{"no model", func(a *answer.Quote) { a.Model = "" }},
		{"a proration", func(a *answer.Quote) { a.Proration = "hours" }},
		{"no proration", func(a *answer.Quote) { a.Proration = "" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := good()
			tc.spoil(&a)
			_, err := quoteOf(a)
			assert.ErrorIs(t, err, errAnswer)
		})
	}
	_, err = invoiceOf(answer.Invoice{Months: "2026-01", Lines: []answer.InvoiceLine{{Period: "2026-01", Kind: "gift"}}})
	assert.ErrorIs(t, err, errAnswer)
}

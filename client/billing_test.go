package client

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

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

func TestQuoteAndInvoiceThatDoNotDecode(t *testing.T) {
	usd := money.MustParseMoney("1 USD")
	_, err := quoteOf(answer.Quote{Total: usd, Lines: []answer.QuoteLine{{Rate: "lots"}}})
	assert.ErrorIs(t, err, errAnswer)
	_, err = quoteOf(answer.Quote{Period: "2026-13"})
	assert.ErrorIs(t, err, errAnswer)
	_, err = invoiceOf(answer.Invoice{Months: "2026-01", Lines: []answer.InvoiceLine{{Period: "2026-01", Kind: "gift"}}})
	assert.ErrorIs(t, err, errAnswer)
	q, err := quoteOf(answer.Quote{Total: usd, Lines: []answer.QuoteLine{{Rate: "7%", UpTo: &usd}, {Rate: "3%"}}})
	assert.NoError(t, err)
	assert.Equal(t, []billing.Line{{UpTo: usd, Rate: money.MustParseRate("7%")}, {Unbounded: true, Rate: money.MustParseRate("3%")}}, q.Lines)
}
